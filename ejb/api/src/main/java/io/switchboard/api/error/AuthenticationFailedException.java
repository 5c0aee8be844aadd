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

    /** A token or refresh token of a session that ended: the password changed, the user or tenant was stopped. */
    public static AuthenticationFailedException sessionEnded() {
        return new AuthenticationFailedException("session-ended", "Your session has ended (your password changed, "
                + "your user was disabled or your contact center's access was suspended); sign in again.");
    }
}
