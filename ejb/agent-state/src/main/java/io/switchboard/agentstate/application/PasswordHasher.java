package io.switchboard.agentstate.application;

/** Salted, deliberately slow password hashing; only hashes are ever stored. */
public interface PasswordHasher {

    String hash(char[] password);

    boolean verify(char[] password, String storedHash);

    /** Whether a hash that verified was made at less than today's cost, and should be replaced by a new one. */
    boolean needsRehash(String storedHash);
}
