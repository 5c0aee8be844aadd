package io.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.UUID;

/** Real content for each channel, as integrations send it, and the customer address that goes with it. */
public final class Contents {

    private Contents() {
    }

    public static JsonObject of(String channel) {
        return switch (channel) {
            case "voice" -> Json.createObjectBuilder().add("callId", UUID.randomUUID().toString())
                    .add("callerNumber", "+5511987654321").add("dialledNumber", "+551140000001").build();
            case "email" -> Json.createObjectBuilder().add("from", "maria@example.com").add("to", "support@demo.example")
                    .add("subject", "Invoice 2231").add("text", "Please resend my invoice.")
                    .add("html", "<p>Please resend my invoice.</p>")
                    .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("name", "order.pdf").add("type", "application/pdf").add("size", 48_213)))
                    .build();
            case "chat" -> Json.createObjectBuilder().add("customerName", "Maria")
                    .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("from", "customer").add("text", "Hello, my order is late"))).build();
            case "facebook" -> Json.createObjectBuilder().add("account", "switchboard-demo").add("messageId", "m_" + UUID.randomUUID())
                    .add("text", "Is the shop open on Sunday?").build();
            case "twitter" -> Json.createObjectBuilder().add("handle", "@maria").add("tweetId", "17" + System.nanoTime())
                    .add("text", "@switchboard_demo my order is late").build();
            case "sms" -> Json.createObjectBuilder().add("from", "+5511987654321").add("text", "Oi, preciso de ajuda").build();
            case "workitem" -> Json.createObjectBuilder().add("kind", "FAX").add("title", "Signed contract")
                    .add("size", 120_000).add("documentRef", "docs://contracts/17.pdf").build();
            default -> throw new IllegalArgumentException(channel);
        };
    }

    /** The customer's address on that channel. */
    public static String customer(String channel) {
        return switch (channel) {
            case "voice", "sms" -> "+5511987654321";
            case "email", "chat", "workitem" -> "maria@example.com";
            default -> "@maria";
        };
    }

    /** The content of an interaction as the API shows it (a JSON document in a string), read back. */
    public static JsonObject stored(JsonObject interaction) {
        return Json.createReader(new java.io.StringReader(interaction.getString("content"))).readObject();
    }
}
