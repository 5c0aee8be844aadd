package io.switchboard.api.error;

/** The caller sent more than allowed in a short time; they may try again after {@link #retryAfterSeconds()}. */
public class RateLimitedException extends DomainException {

    private final int retryAfterSeconds;

    public RateLimitedException(String code, String message, int retryAfterSeconds) {
        super(code, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
