package io.switchboard.api.error;

/** The credentials do not identify a user; deliberately says nothing about which part was wrong. */
public class AuthenticationFailedException extends DomainException {

    public AuthenticationFailedException() {
        super("invalid-credentials", "Unknown tenant, login or password.");
    }

    /** A token that was valid and is no longer (its session ended), and the like. */
    public AuthenticationFailedException(String code, String message) {
        super(code, message);
    }
}
