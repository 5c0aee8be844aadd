package io.switchboard.api;

/** A customer channel an agent can be assigned and log in to. */
public enum Channel {
    VOICE, EMAIL, CHAT, FACEBOOK, TWITTER, SMS, WORKITEM;

    /**
     * Parses a channel name as clients send it ({@code "chat"}, {@code "CHAT"}).
     *
     * @throws io.switchboard.api.error.InvalidRequestException naming the accepted values when the name is unknown
     */
    public static Channel parse(String name) {
        return Enums.parse(Channel.class, name, "unknown-channel", "channel");
    }
}
