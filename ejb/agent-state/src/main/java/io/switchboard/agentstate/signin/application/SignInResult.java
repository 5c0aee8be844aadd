package io.switchboard.agentstate.signin.application;

import io.switchboard.api.agentstate.AuthenticatedUser;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.AuthenticationFailedException;
import io.switchboard.api.error.RateLimitedException;

import java.time.Duration;

/**
 * What a sign-in attempt came to. It is returned, not thrown, so that the failure and its audit line commit; the
 * caller turns a refusal into its error with {@link #orThrow()} once the transaction is over.
 */
public record SignInResult(AuthenticatedUser user, Refusal refusal, Duration retryAfter) {

    public enum Refusal { INVALID_CREDENTIALS, WRONG_CURRENT_PASSWORD, THROTTLED, LOCKED, DISABLED, TENANT_SUSPENDED }

    static SignInResult signedIn(AuthenticatedUser user) {
        return new SignInResult(user, null, null);
    }

    static SignInResult refused(Refusal refusal) {
        return new SignInResult(null, refusal, null);
    }

    static SignInResult waitFor(Refusal refusal, Duration retryAfter) {
        return new SignInResult(null, refusal, retryAfter);
    }

    /** The signed-in user, or the error that tells the caller why not. */
    public AuthenticatedUser orThrow() {
        if (refusal == null) {
            return user;
        }
        long seconds = retryAfter == null ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        throw switch (refusal) {
            case INVALID_CREDENTIALS -> new AuthenticationFailedException();
            case WRONG_CURRENT_PASSWORD -> new AccessDeniedException("wrong-current-password",
                    "The current password is not right; the password was not changed.");
            case THROTTLED -> new RateLimitedException("sign-in-throttled", "Too many failed sign-ins; try again in "
                    + seconds + " second" + (seconds == 1 ? "" : "s") + ".", (int) seconds);
            case LOCKED -> new RateLimitedException("sign-in-locked", "Too many failed sign-ins: signing in is locked "
                    + "for " + ((seconds + 59) / 60) + " minute(s). An administrator can reset the password.",
                    (int) seconds);
            case DISABLED -> new AccessDeniedException("user-disabled",
                    "This user is disabled; ask your administrator.");
            case TENANT_SUSPENDED -> new AccessDeniedException("tenant-suspended",
                    "Access to this contact center is suspended.");
        };
    }
}
