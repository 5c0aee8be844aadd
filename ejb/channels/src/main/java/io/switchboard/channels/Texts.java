package io.switchboard.channels;

/** Text as the channels keep it. */
public final class Texts {

    private Texts() {
    }

    /**
     * At most {@code max} characters (UTF-16 units, as columns and content limits count them) of {@code text}, never
     * splitting a surrogate pair: a cut emoji would be stored as "?".
     */
    public static String beginning(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }
}
