package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conversations agents start (OB1–OB6, OB8, OB9): theirs at once and sent on the wire, the customer's answer joining
 * them; every refusal in words and leaving nothing stored; ten agents starting one with the same customer at once get
 * exactly one conversation.
 */
class OutboundIT extends ServerTest {

    private final SmsProvider provider = new SmsProvider();
    private final MailServer mail = new MailServer();

    private static String mobile() {
        return "+55119" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    /** A profile that lets its agents start SMS and email conversations, {@code max} at once. */
    private String outboundProfile(int max, String... channels) {
        var allowed = Json.createArrayBuilder();
        for (String channel : channels) {
            allowed.add(channel);
        }
        Api.Reply created = api.post("/api/admin/routing/profiles", fixtures.adminToken(), Json.createObjectBuilder()
                .add("name", "outbound-" + UUID.randomUUID()).add("capacity", Json.createObjectBuilder()
                        .add("sms", 3).add("email", 3).add("chat", 2))
                .add("licenceTier", "PREMIUM").add("maxOutbound", max).add("outboundChannels", allowed).build()
                .toString());
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private void assign(TestAgent agent, String profile) {
        assertEquals(204, api.put("/api/admin/routing/agents/" + agent.id() + "/profile", fixtures.adminToken(),
                "{\"profileId\":\"" + profile + "\"}").status());
    }

    private TestAgent outboundAgent(int max) {
        TestAgent agent = fixtures.readyAgent("sms", "email");
        assign(agent, outboundProfile(max, "sms", "email"));
        return agent;
    }

    private Api.Reply start(TestAgent agent, Route from, String to, String subject) {
        var body = Json.createObjectBuilder().add("from", from.entryPointId()).add("to", to);
        if (subject != null) {
            body.add("subject", subject);
        }
        return api.post("/api/outbound/conversations", agent.token(), body.build().toString());
    }

    private static int conversationsWith(String address) {
        return Database.count("select count(*) from interaction where customer_address = ?", address);
    }

    @Test
    void anSmsConversationIsTheAgentsAtOnceGoesOutAndTheCustomersAnswerJoinsIt() {
        TestAgent ana = outboundAgent(2);
        Route sms = fixtures.route("sms");
        String maria = mobile();

        Api.Reply started = start(ana, sms, maria, null);
        assertEquals(201, started.status(), started.toString());
        String id = started.json().getString("interactionId");
        JsonObject mine = api.get("/api/interactions", ana.token()).array().getJsonObject(0);
        assertEquals(id, mine.getString("interactionId"));
        assertEquals("ACTIVE", mine.getString("state"), "accepted by starting it (OB6)");
        assertEquals(maria, mine.getString("customerAddress"));
        assertTrue(Contents.stored(mine).getBoolean("outbound"));
        assertEquals(1, Database.count("select count(*) from interaction_transition where interaction_id = ?::uuid "
                + "and cause = 'OUTBOUND_STARTED'", id), "its history says an agent started it");

        String replyId = api.post("/api/interactions/" + id + "/replies", ana.token(), "{\"text\":\"Olá Maria!\"}")
                .json().getString("replyId");
        await().atMost(Duration.ofSeconds(15)).until(() -> !provider.sentTo(maria).isEmpty());
        Map<String, String> sent = provider.sentTo(maria).get(0);
        assertEquals(sms.entryPoint(), sent.get("From"));
        assertEquals("Olá Maria!", sent.get("Body"));

        // OB8: Maria answers; her text joins the conversation the agent started
        assertEquals(200, provider.webhook(api.base() + "/api/hooks/twilio/sms/" + sms.entryPointId(),
                Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""), "From", maria,
                        "To", sms.entryPoint(), "Body", "Oi!", "NumMedia", "0"), SmsProvider.TOKEN).statusCode());
        var messages = Contents.stored(api.get("/api/interactions", ana.token()).array().getJsonObject(0))
                .getJsonArray("messages");
        assertEquals(replyId, messages.getJsonObject(0).getString("replyId"));
        assertEquals("Oi!", messages.getJsonObject(1).getString("text"));
        assertEquals(1, conversationsWith(maria));

        // and the agent is still routable: an inbound SMS is offered beside it
        Route inbound = fixtures.route("sms", ana);
        fixtures.interaction("sms", inbound.entryPoint());
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/interactions", ana.token()).array().size() == 2);
    }

    @Test
    void anEmailConversationGoesOutUnderItsSubjectWhichIsUsedOnce() throws Exception {
        TestAgent ana = outboundAgent(2);
        Route email = fixtures.route("email");
        String maria = "maria-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
        String subject = "Your order " + UUID.randomUUID().toString().substring(0, 6);

        assertTrue(start(ana, email, maria, null).isProblem(422, "subject-required"));
        String id = start(ana, email, maria, subject).json().getString("interactionId");
        String replyId = api.post("/api/interactions/" + id + "/replies", ana.token(),
                "{\"text\":\"Your order has shipped.\"}").json().getString("replyId");
        await().atMost(Duration.ofSeconds(15)).until(() -> mail.inbox(maria).size() == 1);
        var sent = mail.inbox(maria).get(0);
        assertEquals(subject, sent.getSubject(), "the conversation's subject, not a reply's");
        assertEquals("<sb." + replyId + "@mail.test>", sent.getMessageID());

        // OB9: done, and started again with the same subject (any case, as a reply): refused
        api.post("/api/interactions/" + id + "/end", ana.token(), null);
        api.post("/api/interactions/" + id + "/done", ana.token(), "{}");
        assertTrue(start(ana, email, maria, "RE:  " + subject.toUpperCase()).isProblem(409, "subject-used"));
        assertEquals(1, conversationsWith(maria), "the refused one left nothing");
        assertEquals(201, start(ana, email, maria, "Another matter").status());
    }

    @Test
    void everyRefusalSaysWhyAndLeavesNothing() {
        Route sms = fixtures.route("sms");
        Route email = fixtures.route("email");
        Route chat = fixtures.route("chat");
        String admin = fixtures.adminToken();

        TestAgent plain = fixtures.readyAgent("sms");   // the default profile starts nothing
        String to = mobile();
        assertTrue(start(plain, sms, to, null).isProblem(409, "outbound-not-in-profile"));

        TestAgent notReady = outboundAgent(1);
        api.post(notReady.path() + "/channels/not-ready", notReady.token(), Api.notReady("BREAK", "sms"));
        assertTrue(start(notReady, sms, to, null).isProblem(409, "not-available"));

        TestAgent standard = standardAgentWithOutbound();
        assertTrue(start(standard, sms, to, null).isProblem(409, "licence-not-premium"));

        TestAgent ana = outboundAgent(1);
        assertTrue(start(ana, sms, "11987654321", null).isProblem(422, "invalid-recipient"), "no country code");
        assertTrue(start(ana, sms, "+551140000001", null).isProblem(422, "invalid-recipient"), "a landline");
        assertTrue(start(ana, email, "not-an-address", "Hi").isProblem(422, "invalid-recipient"));
        assertTrue(start(ana, chat, to, null).isProblem(422, "outbound-channel-unsupported"));
        assertTrue(api.post("/api/outbound/conversations", ana.token(), Json.createObjectBuilder()
                .add("from", UUID.randomUUID().toString()).add("to", to).build().toString())
                .isProblem(422, "unknown-entry-point"));
        assertTrue(api.post("/api/outbound/conversations", ana.token(), "{\"from\":\"x\",\"to\":1}").status() == 400);

        // an open conversation with that customer, started by the customer: refused
        String customer = mobile();
        api.post("/api/integration/interactions", fixtures.integrationToken(), Json.createObjectBuilder()
                .add("channel", "sms").add("entryPoint", sms.entryPoint()).add("customerAddress", customer)
                .add("content", Json.createObjectBuilder().add("from", customer).add("text", "hello"))
                .add("idempotencyKey", UUID.randomUUID().toString()).build().toString());
        assertTrue(start(ana, sms, customer, null).isProblem(409, "conversation-exists"));

        // the maximum of the profile (1)
        assertEquals(201, start(ana, sms, mobile(), null).status());
        assertTrue(start(ana, sms, mobile(), null).isProblem(409, "outbound-limit-reached"));

        // the tenant's digital channels off
        TestAgent bea = outboundAgent(1);
        try {
            assertEquals(200, api.put("/api/admin/tenant-settings", admin, "{\"digitalChannelsEnabled\":false}")
                    .status());
            assertTrue(start(bea, sms, mobile(), null).isProblem(409, "digital-channels-disabled"));
        } finally {
            api.put("/api/admin/tenant-settings", admin, "{\"digitalChannelsEnabled\":true}");
        }

        assertEquals(0, conversationsWith(to), "no refusal left a conversation behind");
        assertEquals(1, Database.count("select count(*) from interaction where agent_id = ?::uuid", ana.id()));
        assertEquals(0, Database.count("select count(*) from interaction where agent_id in (?::uuid, ?::uuid, ?::uuid, "
                + "?::uuid)", plain.id(), notReady.id(), standard.id(), bea.id()));
    }

    /** A Standard agent under a Standard profile that would allow outbound: the licence still refuses it. */
    private TestAgent standardAgentWithOutbound() {
        String admin = fixtures.adminToken();
        String profile = api.post("/api/admin/routing/profiles", admin, Json.createObjectBuilder()
                .add("name", "std-outbound-" + UUID.randomUUID()).add("capacity", Json.createObjectBuilder()
                        .add("sms", 2)).add("maxOutbound", 1).add("outboundChannels", Json.createArrayBuilder()
                        .add("sms")).build().toString()).json().getString("id");
        String login = "std-" + UUID.randomUUID().toString().substring(0, 12);
        String id = api.post("/api/admin/agents", admin, Json.createObjectBuilder().add("login", login)
                .add("displayName", "Standard " + login).add("extension", String.valueOf(ThreadLocalRandom.current()
                        .nextLong(10_000_000L, 99_999_999L))).add("password", Fixtures.PASSWORD)
                .add("licenceTier", "STANDARD").add("roles", Json.createArrayBuilder().add("agent"))
                .add("channels", Json.createArrayBuilder().add("sms")).build().toString()).json().getString("agentId");
        TestAgent agent = new TestAgent(id, login, "", api.token(login, Fixtures.PASSWORD));
        assign(agent, profile);
        api.post(agent.path() + "/channels/login", agent.token(), Api.channels("sms"));
        api.post(agent.path() + "/channels/ready", agent.token(), Api.channels("sms"));
        return agent;
    }

    @Test
    void anOutboundConversationIsTransferredOneAtATimeAndTakesNoConference() {
        TestAgent ana = outboundAgent(3);
        TestAgent bob = outboundAgent(1);   // room for both transfers: only CO5 may refuse the second
        Route sms = fixtures.route("sms");
        String first = start(ana, sms, mobile(), null).json().getString("interactionId");
        String second = start(ana, sms, mobile(), null).json().getString("interactionId");

        // OB11: a colleague may be consulted, never brought into a conversation an agent started
        Api.Reply consulted = api.post("/api/interactions/" + first + "/consultations", ana.token(),
                "{\"agentId\":\"" + bob.id() + "\"}");
        assertEquals(201, consulted.status(), consulted.toString());
        String consultation = consulted.json().getString("consultationId");
        api.post("/api/consultations/" + consultation + "/invite", ana.token(), null);
        Api.Reply joined = api.post("/api/consultations/" + consultation + "/join", bob.token(), null);
        assertTrue(joined.isProblem(409, "outbound-no-conference"), "no conference, for that reason: " + joined);
        api.post("/api/consultations/" + consultation + "/close", ana.token(), null);
        // OB13: transferred to a colleague, then (CO5) no second of Ana's outbound conversations while it rings
        Api.Reply transfer = api.post("/api/interactions/" + first + "/transfers", ana.token(),
                "{\"agentId\":\"" + bob.id() + "\"}");
        assertTrue(transfer.status() < 300, transfer.toString());
        Api.Reply another = api.post("/api/interactions/" + second + "/transfers", ana.token(),
                "{\"agentId\":\"" + bob.id() + "\"}");
        assertTrue(another.isProblem(409, "outbound-transfer-pending"), another.toString());
        assertEquals(200, api.post("/api/interactions/" + first + "/transfers/pending/accept", bob.token(), null)
                .status());
        JsonObject handedOver = api.get("/api/interactions", ana.token()).array().getValuesAs(JsonObject.class)
                .stream().filter(i -> i.getString("interactionId").equals(first)).findFirst().orElseThrow();
        assertEquals("HANDED_OVER", handedOver.getString("part"), "Ana owes its wrap-up: " + handedOver);
        assertTrue(api.post("/api/interactions/" + second + "/transfers", ana.token(),
                "{\"agentId\":\"" + bob.id() + "\"}").status() < 300, "the first is no longer in transfer");
    }

    @Test
    void aParkedConversationStillCountsAndNobodyElseMarksOneOutbound() {
        TestAgent ana = outboundAgent(1);
        Route email = fixtures.route("email");
        String first = start(ana, email, "p-" + UUID.randomUUID() + "@customer.test", "First").json()
                .getString("interactionId");
        assertEquals(200, api.post("/api/interactions/" + first + "/park", ana.token(), "{\"workbin\":\"personal\"}")
                .status());
        assertTrue(start(ana, email, "q-" + UUID.randomUUID() + "@customer.test", "Second")
                .isProblem(409, "outbound-limit-reached"), "parked in her workbin, it is still hers (OB4)");

        // a subject of 990 characters in any script is a subject like any other
        TestAgent bea = outboundAgent(1);
        assertEquals(201, start(bea, email, "r-" + UUID.randomUUID() + "@customer.test", "注文".repeat(495))
                .status());

        // only starting one makes a conversation outbound: an integration cannot say so
        Api.Reply spoofed = api.post("/api/integration/interactions", fixtures.integrationToken(),
                Json.createObjectBuilder().add("channel", "sms").add("entryPoint", fixtures.route("sms").entryPoint())
                        .add("customerAddress", mobile()).add("idempotencyKey", UUID.randomUUID().toString())
                        .add("content", Json.createObjectBuilder().add("from", mobile()).add("outbound", true))
                        .build().toString());
        assertTrue(spoofed.isProblem(422, "content-invalid"), spoofed.toString());
    }

    @Test
    void tenAgentsStartingOneWithTheSameCustomerAtOnceGetExactlyOne() throws Exception {
        Route sms = fixtures.route("sms");
        String profile = outboundProfile(1, "sms");
        List<TestAgent> agents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TestAgent agent = fixtures.readyAgent("sms");
            assign(agent, profile);
            agents.add(agent);
        }
        String maria = mobile();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (TestAgent agent : agents) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return start(agent, sms, maria, null);
                }));
            }
            go.countDown();
            int created = 0;
            for (Future<Api.Reply> reply : replies) {
                Api.Reply answer = reply.get();
                if (answer.status() == 201) {
                    created++;
                } else {
                    assertTrue(answer.isProblem(409, "conversation-exists"), answer.toString());
                }
            }
            assertEquals(1, created, "exactly one agent started it");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, conversationsWith(maria), "exactly one conversation stored");
        assertEquals(1, Database.count("select count(*) from channel_session where channel = 'SMS' and active_work > 0 "
                + "and agent_id in (select agent_id from agent_profile where profile_id = ?::uuid)", profile),
                "exactly one agent's SMS work counts it");
    }
}
