package io.switchboard.api;

import java.util.Locale;

/** A customer channel an agent can be assigned and log in to. */
public enum Channel {
    VOICE, EMAIL, CHAT, FACEBOOK, TWITTER, SMS, WORKITEM;

    /**
     * Parses a channel name as clients send it ({@code "chat"}, {@code "CHAT"}).
     *
     * @throws io.switchboard.api.error.InvalidRequestException naming the accepted values when the name is unknown
     */
    public static Channel parse(String name) {
        if (name != null) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // fall through to the domain error below
            }
        }
        throw new io.switchboard.api.error.InvalidRequestException("unknown-channel",
                "Unknown channel '" + name + "'; expected one of " + java.util.Arrays.toString(values()) + ".");
    }
}
