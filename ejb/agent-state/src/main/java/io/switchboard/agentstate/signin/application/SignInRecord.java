package io.switchboard.agentstate.signin.application;

import java.time.Instant;

/** One line of a tenant's sign-in audit log (never a password). */
public record SignInRecord(long id, Instant at, String login, String source, Outcome outcome) {

    public enum Outcome {
        SIGNED_IN, WRONG_PASSWORD, UNKNOWN_USER, THROTTLED, LOCKED_OUT, DISABLED, TENANT_SUSPENDED,
        PASSWORD_CHANGED, PASSWORD_RESET, USER_DISABLED, USER_ENABLED, SIGNED_OUT, REFRESH_REUSED
    }
}
