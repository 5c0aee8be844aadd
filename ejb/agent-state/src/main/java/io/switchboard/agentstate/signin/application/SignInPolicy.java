package io.switchboard.agentstate.signin.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How failed sign-ins slow down and then stop further attempts, for one key (an account, or a source address):
 * from the {@code delayAfter}-th failure each next attempt must wait 1 s, 2 s, 4 s … (at most a minute) after the
 * last; the {@code lockAfter}-th failure locks the key for {@code lockout}. Attempts refused for waiting count as
 * failures too, so hammering reaches the lockout sooner, not later. Failures are forgotten {@code window} after the
 * last one, unless the key is locked.
 */
public record SignInPolicy(int delayAfter, int lockAfter, Duration lockout, Duration window) {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(1);

    public SignInPolicy {
        if (delayAfter < 1 || lockAfter < delayAfter || lockout.isNegative() || window.isNegative()) {
            throw new IllegalArgumentException("Inconsistent sign-in policy");
        }
    }

    /** A key's record of failures, as stored. */
    public record Failures(String key, int count, Instant lastFailureAt, Instant notBefore, Instant lockedUntil) {

        public static Failures none(String key) {
            return new Failures(key, 0, null, null, null);
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    /** Why an attempt is refused before its password is even checked, and for how long. */
    public record Refusal(boolean locked, Duration retryAfter) {
    }

    /** Whether an attempt on this key may go ahead now. */
    public Optional<Refusal> refusal(Failures failures, Instant now) {
        if (failures.lockedAt(now)) {
            return Optional.of(new Refusal(true, Duration.between(now, failures.lockedUntil())));
        }
        if (failures.notBefore() != null && now.isBefore(failures.notBefore()) && !forgotten(failures, now)) {
            return Optional.of(new Refusal(false, Duration.between(now, failures.notBefore())));
        }
        return Optional.empty();
    }

    /** The record after one more failure at {@code now}. */
    public Failures afterFailure(Failures failures, Instant now) {
        int count = forgotten(failures, now) ? 1 : failures.count() + 1;
        Instant notBefore = count >= delayAfter ? now.plus(delay(count - delayAfter)) : null;
        Instant lockedUntil = failures.lockedUntil();
        if (count >= lockAfter && !failures.lockedAt(now)) {
            // a new lock when the threshold is crossed, or at the first failure after an earlier lock ran out;
            // failures while locked do not extend it
            lockedUntil = now.plus(lockout);
        }
        return new Failures(failures.key(), count, now, notBefore, lockedUntil);
    }

    /** Whether this failure is the one that locked the key. */
    public boolean lockedBy(Failures before, Failures after, Instant now) {
        return after.lockedAt(now) && !before.lockedAt(now);
    }

    private boolean forgotten(Failures failures, Instant now) {
        return failures.lastFailureAt() == null
                || (!failures.lockedAt(now) && failures.lastFailureAt().plus(window).isBefore(now));
    }

    /** 1 s for the first failure past the threshold, then doubling, at most {@link #MAX_DELAY}. */
    static Duration delay(int pastThreshold) {
        int doublings = Math.max(0, Math.min(pastThreshold, 16));
        Duration delay = FIRST_DELAY;
        for (int i = 0; i < doublings && delay.compareTo(MAX_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
