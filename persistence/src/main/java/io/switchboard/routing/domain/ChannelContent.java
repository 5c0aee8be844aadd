package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import jakarta.json.JsonObject;

import java.util.EnumMap;
import java.util.Map;

/**
 * The shape of one channel's content (CH1), checked once when an interaction is created. Each channel has its own
 * class, so a channel's rules (and later its adapter's needs) live in one place.
 */
interface ChannelContent {

    /** Checks the content an integration or an adapter sent; throws {@code content-invalid} naming the field. */
    void check(JsonObject json);

    /**
     * Checks one more message of the conversation (a customer's follow-up, an agent's reply); channels whose
     * conversation does not go on this way refuse it.
     */
    default void checkMessage(JsonObject message) {
        throw new io.switchboard.api.error.InvalidRequestException("not-a-conversation",
                "This channel's interactions take no further messages.");
    }

    /** The shape of each channel. */
    Map<Channel, ChannelContent> BY_CHANNEL = new EnumMap<>(Map.of(
            Channel.VOICE, new VoiceContent(),
            Channel.EMAIL, new EmailContent(),
            Channel.CHAT, new ChatContent(),
            Channel.FACEBOOK, new SocialContent("account", "messageId"),
            Channel.TWITTER, new SocialContent("handle", "tweetId"),
            Channel.SMS, new SmsContent(),
            Channel.WORKITEM, new WorkitemContent()));
}
