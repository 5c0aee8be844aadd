package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractionContentTest {

    /** A complete, valid content for every channel, as an integration would send it. */
    static final Map<Channel, JsonObject> VALID = Map.of(
            Channel.VOICE, Json.createObjectBuilder().add("callId", "c-1").add("callerNumber", "+5511987654321")
                    .add("dialledNumber", "0800 123 4567").build(),
            Channel.EMAIL, Json.createObjectBuilder().add("from", "maria@example.com")
                    .add("to", Json.createArrayBuilder().add("support@demo.example"))
                    .add("subject", "Invoice").add("text", "Please resend it").add("html", "<p>Please resend it</p>")
                    .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("name", "invoice.pdf").add("type", "application/pdf").add("size", 48_213)))
                    .build(),
            Channel.CHAT, Json.createObjectBuilder().add("customerName", "Maria")
                    .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("from", "customer").add("text", "Hello"))).build(),
            Channel.FACEBOOK, Json.createObjectBuilder().add("account", "demo.page").add("messageId", "m_1")
                    .add("text", "Is the shop open?").build(),
            Channel.TWITTER, Json.createObjectBuilder().add("handle", "@maria").add("tweetId", "1790")
                    .add("text", "@demo my order is late").build(),
            Channel.SMS, Json.createObjectBuilder().add("from", "+5511987654321").add("text", "Oi").build(),
            Channel.WORKITEM, Json.createObjectBuilder().add("kind", "fax").add("title", "Signed contract")
                    .add("size", 120_000).add("documentRef", "s3://docs/contract-17.pdf").build());

    @Test
    void everyChannelHasItsOwnContentShape() {
        for (Channel channel : Channel.values()) {
            assertNotNull(ChannelContent.BY_CHANNEL.get(channel), channel + " has no content class");
        }
    }

    @Test
    void everyChannelAcceptsItsRealContentAndKeepsExtraFields() {
        for (Channel channel : Channel.values()) {
            JsonObject sent = Json.createObjectBuilder(VALID.get(channel)).add("crmId", "42").build();
            assertEquals(sent.toString(), InteractionContent.of(channel, sent).json(), channel.name());
        }
    }

    @ParameterizedTest
    @CsvSource({"VOICE,callId", "VOICE,callerNumber", "VOICE,dialledNumber", "EMAIL,from", "EMAIL,to",
            "CHAT,customerName", "FACEBOOK,account", "FACEBOOK,messageId", "FACEBOOK,text", "TWITTER,handle",
            "TWITTER,tweetId", "TWITTER,text", "SMS,from", "SMS,text", "WORKITEM,kind", "WORKITEM,title",
            "WORKITEM,size", "WORKITEM,documentRef"})
    void aMissingRequiredFieldIsNamed(Channel channel, String field) {
        JsonObjectBuilder without = Json.createObjectBuilder(VALID.get(channel));
        without.remove(field);
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> InteractionContent.of(channel, without.build()));
        assertEquals("content-invalid", refused.code());
        assertTrue(refused.getMessage().contains(field), refused.getMessage());
    }

    @Test
    void anEmailOrSmsConversationTakesFollowUpsOfItsShapeAndOthersNone() {
        InteractionContent sms = InteractionContent.of(Channel.SMS, VALID.get(Channel.SMS));
        InteractionContent next = sms.withMessage(Json.createObjectBuilder().add("from", "customer")
                .add("text", "second").build());
        assertEquals("second", next.asJson().getJsonArray("messages").getJsonObject(0).getString("text"));
        assertThrows(InvalidRequestException.class, () -> sms.withMessage(Json.createObjectBuilder()
                .add("from", "someone").add("text", "x").build()), "from the customer or an agent only");
        assertThrows(InvalidRequestException.class, () -> sms.withMessage(Json.createObjectBuilder()
                .add("from", "agent").add("text", "x".repeat(1601)).build()), "an SMS is at most 1,600 characters");
        InteractionContent chat = InteractionContent.of(Channel.CHAT, VALID.get(Channel.CHAT));
        assertEquals("not-a-conversation", assertThrows(InvalidRequestException.class, () -> chat.withMessage(
                Json.createObjectBuilder().add("from", "customer").add("text", "x").build())).code());
    }

    @Test
    void anEmailNeedsRealAddressesAndAttachmentShapesButMayHaveNoWords() {
        JsonObject email = VALID.get(Channel.EMAIL);
        // customers do send a file without a word, and empty emails: they still reach an agent
        InteractionContent.of(Channel.EMAIL, Json.createObjectBuilder(email).remove("text").remove("html").build());
        assertInvalid(Channel.EMAIL, Json.createObjectBuilder(email).add("refused", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "big.tif").add("type", "tif").add("size", 1))).build());
        assertInvalid(Channel.EMAIL, Json.createObjectBuilder(email).add("from", "not an address").build());
        assertInvalid(Channel.EMAIL, Json.createObjectBuilder(email).add("to", Json.createArrayBuilder()).build());
        assertInvalid(Channel.EMAIL, Json.createObjectBuilder(email).add("attachments", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "a.pdf").add("type", "pdf").add("size", 1))).build());
        assertInvalid(Channel.EMAIL, Json.createObjectBuilder(email).add("attachments", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "a.pdf").add("type", "application/pdf")
                        .add("size", -1))).build());
        assertNotNull(InteractionContent.of(Channel.EMAIL, Json.createObjectBuilder(email).remove("html")
                .add("to", "one@example.com").build()));
    }

    @Test
    void numbersAndKindsAreChecked() {
        assertInvalid(Channel.SMS, Json.createObjectBuilder(VALID.get(Channel.SMS)).add("from", "12").build());
        assertInvalid(Channel.VOICE, Json.createObjectBuilder(VALID.get(Channel.VOICE))
                .add("callerNumber", "call me").build());
        assertInvalid(Channel.WORKITEM, Json.createObjectBuilder(VALID.get(Channel.WORKITEM))
                .add("kind", "spreadsheet").build());
        assertInvalid(Channel.WORKITEM, Json.createObjectBuilder(VALID.get(Channel.WORKITEM))
                .add("size", 1.5).build());
        assertInvalid(Channel.CHAT, Json.createObjectBuilder(VALID.get(Channel.CHAT))
                .add("messages", Json.createArrayBuilder().add("hello")).build());
    }

    @Test
    void contentThatIsTooLargeIsRefused() {
        String big = "x".repeat(7_000);
        var messages = Json.createArrayBuilder();
        for (int i = 0; i < 20; i++) {
            messages.add(Json.createObjectBuilder().add("from", "customer").add("text", big.substring(0, 4000)));
        }
        messages.add(Json.createObjectBuilder().add("from", "customer").add("text", "end"));
        JsonObject chat = Json.createObjectBuilder(VALID.get(Channel.CHAT)).add("messages", messages)
                .add("notes", big.repeat(10)).build();
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> InteractionContent.of(Channel.CHAT, chat));
        assertEquals("content-too-large", refused.code());
        assertThrows(InvalidRequestException.class, () -> InteractionContent.of(Channel.CHAT, null));
    }

    @Test
    void chatMessagesJoinTheTranscriptInOrder() {
        InteractionContent chat = InteractionContent.of(Channel.CHAT, VALID.get(Channel.CHAT))
                .withChatMessage("agent", " Hi Maria ", Instant.parse("2026-11-22T10:00:00Z"));
        JsonObject stored = Json.createReader(new java.io.StringReader(chat.json())).readObject();
        var messages = stored.getJsonArray("messages");
        assertEquals(2, messages.size());
        assertEquals("Hello", messages.getJsonObject(0).getString("text"));
        assertEquals("Hi Maria", messages.getJsonObject(1).getString("text"));
        assertEquals("agent", messages.getJsonObject(1).getString("from"));
        assertThrows(InvalidRequestException.class, () -> chat.withChatMessage("agent", " ", Instant.now()));
        assertThrows(InvalidRequestException.class, () -> InteractionContent.of(Channel.SMS,
                VALID.get(Channel.SMS)).withChatMessage("agent", "hi", Instant.now()));
    }

    private static void assertInvalid(Channel channel, JsonObject content) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> InteractionContent.of(channel, content), content.toString());
        assertEquals("content-invalid", refused.code());
    }
}
