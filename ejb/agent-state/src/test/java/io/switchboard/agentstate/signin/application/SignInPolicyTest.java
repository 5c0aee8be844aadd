package io.switchboard.agentstate.signin.application;

import io.switchboard.agentstate.signin.application.SignInPolicy.Failures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final SignInPolicy policy = new SignInPolicy(3, 10, Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Test
    void twoFailuresCostNothingTheThirdMakesTheNextAttemptWaitASecondThenTwoThenFour() {
        Failures failures = fail(Failures.none("k"), 2, T0);
        assertTrue(policy.refusal(failures, T0).isEmpty(), "two mistakes are free");

        failures = policy.afterFailure(failures, T0);
        assertEquals(Duration.ofSeconds(1), policy.refusal(failures, T0).orElseThrow().retryAfter());
        assertTrue(policy.refusal(failures, T0.plusSeconds(1)).isEmpty(), "after the wait it may go ahead");

        failures = policy.afterFailure(failures, T0.plusSeconds(1));
        assertEquals(Duration.ofSeconds(2), policy.refusal(failures, T0.plusSeconds(1)).orElseThrow().retryAfter());
        failures = policy.afterFailure(failures, T0.plusSeconds(3));
        assertEquals(Duration.ofSeconds(4), policy.refusal(failures, T0.plusSeconds(3)).orElseThrow().retryAfter());
    }

    @Test
    void theDelayNeverExceedsAMinute() {
        assertEquals(Duration.ofMinutes(1), SignInPolicy.delay(9));
        assertEquals(Duration.ofMinutes(1), SignInPolicy.delay(Integer.MAX_VALUE));
        assertEquals(Duration.ofSeconds(32), SignInPolicy.delay(5));
    }

    @Test
    void theTenthFailureLocksForFifteenMinutesAndFailuresWhileLockedDoNotExtendIt() {
        Failures failures = fail(Failures.none("k"), 9, T0);
        assertFalse(policy.refusal(failures, T0).orElseThrow().locked());

        Failures locked = policy.afterFailure(failures, T0);
        assertTrue(policy.lockedBy(failures, locked, T0));
        assertTrue(policy.refusal(locked, T0).orElseThrow().locked());
        assertEquals(Duration.ofMinutes(15), policy.refusal(locked, T0).orElseThrow().retryAfter());

        Failures later = policy.afterFailure(locked, T0.plusSeconds(600));
        assertFalse(policy.lockedBy(locked, later, T0.plusSeconds(600)));
        assertEquals(T0.plus(Duration.ofMinutes(15)), later.lockedUntil(), "not extended");
    }

    @Test
    void whoKeepsTryingThroughALockGetsOneGuessWhenItRunsOutAndItsFailureLocksAgain() {
        Failures locked = policy.afterFailure(fail(Failures.none("k"), 10, T0), T0.plus(Duration.ofMinutes(14)));
        Instant after = T0.plus(Duration.ofMinutes(16));
        assertTrue(policy.refusal(locked, after).isEmpty() || !policy.refusal(locked, after).get().locked());
        Failures again = policy.afterFailure(locked, after);
        assertTrue(policy.lockedBy(locked, again, after));
    }

    @Test
    void failuresAreForgottenFifteenMinutesAfterTheLast() {
        Failures failures = fail(Failures.none("k"), 5, T0);
        Failures next = policy.afterFailure(failures, T0.plus(Duration.ofMinutes(16)));
        assertEquals(1, next.count());
        assertTrue(policy.refusal(failures, T0.plus(Duration.ofMinutes(16))).isEmpty());
    }

    private Failures fail(Failures failures, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            failures = policy.afterFailure(failures, at);
        }
        return failures;
    }
}
