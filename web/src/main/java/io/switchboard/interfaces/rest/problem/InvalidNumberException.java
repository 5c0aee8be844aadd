package io.switchboard.interfaces.rest.problem;

import jakarta.json.bind.JsonbException;

/**
 * A JSON value that does not fit the integer field it is for: a fraction, a number out of the field's range, or not
 * a number at all. Nothing is rounded or wrapped around: {@code 4294967297} is not read as {@code 1}.
 */
public class InvalidNumberException extends JsonbException {

    /** How Yasson wraps an exception at each object it passes through on the way out. */
    private static final String PROPERTY_PREFIX = "Unable to deserialize property '";

    /** The message says what the value must be and what it was: {@code must be a whole number from … to …; got 2.7}. */
    public InvalidNumberException(String value, long min, long max) {
        super("must be a whole number from " + min + " to " + max + "; got "
                + (value.length() > 40 ? value.substring(0, 40) + "…" : value));
    }

    /**
     * The path of the offending field ({@code ronaTimeoutSeconds}; {@code outer.inner} when nested) read from the
     * exceptions Yasson wrapped this one in, one per object property, outermost first; null when the number is not
     * in an object's property. A map's entries are not wrapped, so a value in a map is named by the map's property.
     */
    public static String fieldOf(Throwable thrown) {
        StringBuilder path = new StringBuilder();
        for (Throwable t = thrown; t != null && !(t instanceof InvalidNumberException); t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof JsonbException && message != null && message.startsWith(PROPERTY_PREFIX)) {
                int end = message.indexOf('\'', PROPERTY_PREFIX.length());
                if (end > 0) {
                    path.append(path.isEmpty() ? "" : ".").append(message, PROPERTY_PREFIX.length(), end);
                }
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
