package io.switchboard.api.error;

/** The credentials do not identify a user; deliberately says nothing about which part was wrong. */
public class AuthenticationFailedException extends DomainException {

    public AuthenticationFailedException() {
        super("invalid-credentials", "Unknown tenant, login or password.");
    }
}
