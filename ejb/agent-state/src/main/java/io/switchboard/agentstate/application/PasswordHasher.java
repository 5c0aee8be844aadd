package io.switchboard.agentstate.application;

/** Salted, deliberately slow password hashing; only hashes are ever stored. */
public interface PasswordHasher {

    String hash(char[] password);

    boolean verify(char[] password, String storedHash);
}
