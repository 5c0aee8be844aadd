package io.switchboard.interfaces.rest.problem;

/** A JSON request body with a byte sequence that is not UTF-8 (RFC 8259 requires UTF-8). */
public class InvalidUtf8Exception extends RuntimeException {

    public InvalidUtf8Exception(long offset) {
        super("The request body is not valid UTF-8 (at byte " + offset + "); JSON must be sent as UTF-8.");
    }
}
