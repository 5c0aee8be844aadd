package io.switchboard.api;

import io.switchboard.api.error.InvalidRequestException;

import java.util.Arrays;
import java.util.Locale;

/** Enum values as clients send them ({@code "chat"}, {@code " PREMIUM "}), with one clear error for the rest. */
public final class Enums {

    private Enums() {
    }

    /**
     * @throws InvalidRequestException with {@code code}, naming {@code what} and the accepted values, when
     *                                 {@code name} is null or no value of {@code type}
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String code, String what) {
        if (name != null) {
            try {
                return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // fall through to the domain error below
            }
        }
        throw new InvalidRequestException(code, "Unknown " + what + " '" + name + "'; expected one of "
                + Arrays.toString(type.getEnumConstants()) + ".");
    }
}
