package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMS on the wire (CH1, IX1): the provider's signed webhook in, the provider's REST API out (its stand-in records what
 * it was sent), delivery reports applied, an outage retried and shown.
 */
class SmsIT extends ServerTest {

    private final SmsProvider provider = new SmsProvider();

    private static String customer() {
        return "+1415" + ThreadLocalRandom.current().nextLong(2_000_000L, 9_999_999L);
    }

    private static Map<String, String> sms(String sid, String from, String to, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("AccountSid", "ACswitchboardtest");
        form.put("From", from);
        form.put("To", to);
        form.put("Body", body);
        form.put("NumMedia", "0");
        return form;
    }

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private String hook(Route route) {
        return api.base() + "/api/hooks/twilio/sms/" + route.entryPointId();
    }

    private JsonObject conversationOf(TestAgent agent) {
        var mine = api.get("/api/interactions", agent.token()).array();
        assertEquals(1, mine.size(), "one conversation: " + mine);
        return mine.getJsonObject(0);
    }

    @Test
    void aSignedSmsBecomesAConversationAndTheReplyReachesTheProvider() {
        TestAgent ana = fixtures.readyAgent("sms");
        Route route = fixtures.route("sms", ana);
        String maria = customer();
        String first = sid();

        HttpResponse<String> in = provider.webhook(hook(route), sms(first, maria, route.entryPoint(), "Oi, meu pedido?"),
                SmsProvider.TOKEN);
        assertEquals(200, in.statusCode(), in.body());
        assertTrue(in.body().contains("<Response></Response>"), "empty TwiML: " + in.body());
        assertTrue(in.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/interactions", ana.token()).array().size() == 1);
        JsonObject offered = conversationOf(ana);
        String id = offered.getString("interactionId");
        assertEquals(maria, offered.getString("customerAddress"));
        assertEquals("Oi, meu pedido?", Contents.stored(offered).getString("text"));
        assertEquals(200, api.post("/api/interactions/" + id + "/accept", ana.token(), null).status());

        // the provider retries a webhook it thinks failed: the same MessageSid changes nothing
        assertEquals(200, provider.webhook(hook(route), sms(first, maria, route.entryPoint(), "Oi, meu pedido?"),
                SmsProvider.TOKEN).statusCode());
        // the customer writes again: the same conversation
        assertEquals(200, provider.webhook(hook(route), sms(sid(), maria, route.entryPoint(), "É o 2231"),
                SmsProvider.TOKEN).statusCode());
        JsonObject content = Contents.stored(conversationOf(ana));
        assertEquals(1, content.getJsonArray("messages").size(), "the repeat was ignored: " + content);
        assertEquals("É o 2231", content.getJsonArray("messages").getJsonObject(0).getString("text"));

        Api.Reply reply = api.post("/api/interactions/" + id + "/replies", ana.token(),
                Json.createObjectBuilder().add("text", "Já vou verificar, Maria.").build().toString());
        assertEquals(202, reply.status(), reply.toString());
        String replyId = reply.json().getString("replyId");

        await().atMost(Duration.ofSeconds(15)).until(() -> !provider.sentTo(maria).isEmpty());
        List<Map<String, String>> sent = provider.sentTo(maria);
        assertEquals(1, sent.size(), "sent once: " + sent);
        assertEquals(route.entryPoint(), sent.get(0).get("From"), "from the number the customer wrote to");
        assertEquals("Já vou verificar, Maria.", sent.get(0).get("Body"));
        assertEquals(api.base() + "/api/hooks/twilio/sms/status/" + replyId, sent.get(0).get("StatusCallback"));
        assertTrue(sent.get(0).get("Authorization").startsWith("Basic "), "basic auth with the account's credentials");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(ana, id, replyId).getString("status")));

        // the provider's delivery report, signed; out of order ("sent" after "delivered") it changes nothing
        String callback = api.base() + "/api/hooks/twilio/sms/status/" + replyId;
        Map<String, String> delivered = new LinkedHashMap<>();
        delivered.put("MessageSid", storedSid(maria));
        delivered.put("MessageStatus", "delivered");
        assertEquals(200, provider.webhook(callback, delivered, SmsProvider.TOKEN).statusCode());
        assertEquals("DELIVERED", status(ana, id, replyId).getString("status"));
        delivered.put("MessageStatus", "sent");
        assertEquals(200, provider.webhook(callback, delivered, SmsProvider.TOKEN).statusCode());
        assertEquals("DELIVERED", status(ana, id, replyId).getString("status"), "a late 'sent' does not undo it");

        JsonObject line = Contents.stored(conversationOf(ana)).getJsonArray("messages").getJsonObject(1);
        assertEquals("agent", line.getString("from"));
        assertEquals(replyId, line.getString("replyId"));
        assertEquals(ana.id(), line.getString("agentId"));
    }

    /** The sid the provider's stand-in gave the message it took for this number, as the server stored it. */
    private String storedSid(String number) {
        try (var connection = Database.connect();
             var statement = connection.prepareStatement("select provider_id from outbound_message "
                     + "where to_address = ? and channel = 'SMS'")) {
            statement.setString(1, number);
            var rows = statement.executeQuery();
            assertTrue(rows.next(), "a reply to " + number + " is stored");
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private JsonObject status(TestAgent agent, String interactionId, String replyId) {
        return api.get("/api/interactions/" + interactionId + "/replies", agent.token()).array()
                .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("replyId").equals(replyId))
                .findFirst().orElseThrow();
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndNothingIsStored() {
        TestAgent ana = fixtures.readyAgent("sms");
        Route route = fixtures.route("sms", ana);
        String maria = customer();
        Map<String, String> form = sms(sid(), maria, route.entryPoint(), "forged");

        HttpResponse<String> forged = provider.webhook(hook(route), form, "not-the-token");
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(403, provider.webhook(hook(route), form, null).statusCode(), "no signature");
        Map<String, String> tampered = new LinkedHashMap<>(form);
        String signature = SmsProvider.signature(SmsProvider.TOKEN, hook(route), form);
        tampered.put("Body", "tampered");
        assertEquals(403, provider.webhookSignedAs(hook(route), tampered, signature).statusCode(),
                "a parameter changed after signing");

        assertEquals(0, api.get("/api/interactions", ana.token()).array().size());
        try (var connection = Database.connect();
             var statement = connection.prepareStatement("select count(*) from interaction where customer_address = ?")) {
            statement.setString(1, maria);
            var rows = statement.executeQuery();
            rows.next();
            assertEquals(0, rows.getInt(1), "nothing stored");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aProviderOutageIsRetriedAndShownThenSent() {
        TestAgent ana = fixtures.readyAgent("sms");
        Route route = fixtures.route("sms", ana);
        String maria = customer();
        provider.webhook(hook(route), sms(sid(), maria, route.entryPoint(), "Alô?"), SmsProvider.TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/interactions", ana.token()).array().size() == 1);
        String id = conversationOf(ana).getString("interactionId");
        api.post("/api/interactions/" + id + "/accept", ana.token(), null);

        String outage = provider.outageFor(maria);
        String replyId;
        try {
            replyId = api.post("/api/interactions/" + id + "/replies", ana.token(),
                    "{\"text\":\"Estamos aqui\"}").json().getString("replyId");
            // tried, refused with 503, back in the queue with the reason shown
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                JsonObject reply = status(ana, id, replyId);
                return reply.getInt("attempts") >= 2 && reply.containsKey("reason")
                        && reply.getString("reason").contains("503");
            });
            assertTrue(List.of("QUEUED", "SENDING").contains(status(ana, id, replyId).getString("status")));
        } finally {
            provider.recover(outage);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(ana, id, replyId).getString("status")));
        long taken = provider.sentTo(maria).size();
        assertTrue(taken >= 3, "two or more refused tries and the one taken: " + taken);
    }

    @Test
    void aCustomerTextingTwoOfTheTenantsNumbersHasTwoConversations() {
        TestAgent ana = fixtures.readyAgent("sms");
        Route sales = fixtures.route("sms", ana);
        Route support = fixtures.route("sms", ana);
        String maria = customer();
        assertEquals(200, provider.webhook(hook(sales), sms(sid(), maria, sales.entryPoint(), "Preço?"),
                SmsProvider.TOKEN).statusCode());
        assertEquals(200, provider.webhook(hook(support), sms(sid(), maria, support.entryPoint(), "Defeito"),
                SmsProvider.TOKEN).statusCode());
        try (var connection = Database.connect();
             var statement = connection.prepareStatement("select count(distinct entry_point_id) from interaction "
                     + "where customer_address = ? and state <> 'DONE'")) {
            statement.setString(1, maria);
            var rows = statement.executeQuery();
            rows.next();
            assertEquals(2, rows.getInt(1), "one conversation per number the customer wrote to");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anSmsToAnotherNumberOrMalformedIsRefusedInWords() {
        TestAgent ana = fixtures.readyAgent("sms");
        Route route = fixtures.route("sms", ana);
        HttpResponse<String> wrong = provider.webhook(hook(route), sms(sid(), customer(), "+15550000000", "x"),
                SmsProvider.TOKEN);
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("wrong-number"), wrong.body());
        HttpResponse<String> noSid = provider.webhook(hook(route), sms("", customer(), route.entryPoint(), "x"),
                SmsProvider.TOKEN);
        assertEquals(422, noSid.statusCode(), noSid.body());
        assertTrue(noSid.body().contains("sms-invalid"), noSid.body());
    }
}
