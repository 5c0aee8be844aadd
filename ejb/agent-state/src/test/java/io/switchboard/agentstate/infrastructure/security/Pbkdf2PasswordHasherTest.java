package io.switchboard.agentstate.infrastructure.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Pbkdf2PasswordHasherTest {

    private final Pbkdf2PasswordHasher hasher = new Pbkdf2PasswordHasher(1_000);

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String stored = hasher.hash("s3cret!".toCharArray());
        assertTrue(hasher.verify("s3cret!".toCharArray(), stored));
        assertFalse(hasher.verify("s3cret".toCharArray(), stored));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndNeverInClear() {
        String first = hasher.hash("s3cret!".toCharArray());
        assertNotEquals(first, hasher.hash("s3cret!".toCharArray()), "salted");
        assertFalse(first.contains("s3cret"));
        assertTrue(first.startsWith("pbkdf2-sha256$1000$"));
    }

    @Test
    void aHashMadeWithAnotherCostStillVerifies() {
        String older = new Pbkdf2PasswordHasher(500).hash("pw".toCharArray());
        assertTrue(hasher.verify("pw".toCharArray(), older));
    }

    @Test
    void onlyAHashBelowTodaysCostNeedsRehashing() {
        assertTrue(hasher.needsRehash(new Pbkdf2PasswordHasher(500).hash("pw".toCharArray())));
        assertFalse(hasher.needsRehash(hasher.hash("pw".toCharArray())));
        assertFalse(hasher.needsRehash(new Pbkdf2PasswordHasher(2_000).hash("pw".toCharArray())), "never lowered");
        assertTrue(hasher.needsRehash("pbkdf2-sha256$many$salt$hash"));
    }

    @Test
    void todaysDefaultCostIsOwaspsForPbkdf2Sha256() {
        assertTrue(new Pbkdf2PasswordHasher().hash("pw".toCharArray()).startsWith("pbkdf2-sha256$600000$"));
    }

    @Test
    void garbageNeverVerifies() {
        assertFalse(hasher.verify("pw".toCharArray(), null));
        assertFalse(hasher.verify("pw".toCharArray(), "plain-text"));
    }
}
