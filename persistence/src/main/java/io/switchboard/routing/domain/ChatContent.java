package io.switchboard.routing.domain;

import jakarta.json.JsonObject;

import static io.switchboard.routing.domain.ContentFields.objects;
import static io.switchboard.routing.domain.ContentFields.text;

/** A chat: the customer's name and the transcript so far (each line who wrote it and what). */
final class ChatContent implements ChannelContent {

    @Override
    public void check(JsonObject json) {
        text(json, "customerName", 200);
        if (json.containsKey("messages")) {
            for (JsonObject message : objects(json, "messages")) {
                text(message, "from", 40);
                text(message, "text", InteractionContent.MAX_CHAT_MESSAGE);
            }
        }
    }
}
