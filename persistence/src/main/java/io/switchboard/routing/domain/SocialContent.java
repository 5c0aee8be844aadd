package io.switchboard.routing.domain;

import jakarta.json.JsonObject;

import static io.switchboard.routing.domain.ContentFields.text;

/** A social message (Facebook, Twitter): who wrote it on the network, the network's message id, and the text. */
final class SocialContent implements ChannelContent {

    private final String author;
    private final String messageId;

    SocialContent(String author, String messageId) {
        this.author = author;
        this.messageId = messageId;
    }

    @Override
    public void check(JsonObject json) {
        text(json, author, 200);
        text(json, messageId, 200);
        text(json, "text", 8000);
    }
}
