package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Api.notReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transfers over real HTTP and WebSocket (issue 9, CO3/CO4/IX7): to an agent who must accept in time — the sender
 * keeps it frozen meanwhile and wraps up after — or into a queue; refusals; and the races, each run concurrently and
 * checked against what is stored: exactly one outcome, nothing lost, capacity never exceeded.
 */
class TransferIT extends ServerTest {

    private static final String WRAP_UP_REQUIRED = "{\"name\": \"q-%s\", \"wrapUpRequired\": true, "
            + "\"wrapUpCodes\": [\"SOLVED\", \"ESCALATED\"]}";

    @Test
    void aChatTransferredToAnAgentWhoAcceptsIsTheirsWithItsHistoryAndTheSenderWrapsUp() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bob = fixtures.readyAgent("chat");
        TestAgent carol = fixtures.readyAgent("chat");
        Route route = fixtures.route("chat", String.format(WRAP_UP_REQUIRED, UUID.randomUUID()), ana);
        String chat = fixtures.workInHand(ana, route);
        assertEquals(200, api.post("/api/interactions/" + chat + "/messages", ana.token(),
                "{\"text\": \"Let me find the right colleague.\"}").status());

        JsonObject targets = api.get("/api/interactions/" + chat + "/transfers/targets?search=" + bob.login(),
                ana.token()).json();
        assertEquals("CHAT", targets.getString("channel"));
        assertEquals(1, targets.getJsonArray("agents").size(), targets.toString());
        assertEquals("AVAILABLE", targets.getJsonArray("agents").getJsonObject(0).getString("availability"));
        assertTrue(targets.getJsonArray("queues").getValuesAs(JsonObject.class).stream()
                .anyMatch(q -> q.getString("queueId").equals(route.queueId()) && q.getBoolean("servesChannel")));

        try (EventSocket anasDesk = EventSocket.open(api, ana.token());
             EventSocket bobsDesk = EventSocket.open(api, bob.token())) {
            Thread.sleep(300);
            Api.Reply requested = transfer(ana, chat, bob);
            assertEquals(201, requested.status(), requested.toString());
            assertEquals("PENDING", requested.json().getString("state"));
            bobsDesk.nextWhere(e -> "TRANSFER_REQUESTED".equals(e.getString("cause", null)), "the transfer offer");

            JsonObject offer = mine(bob).stream().filter(i -> i.getString("interactionId").equals(chat)).findFirst()
                    .orElseThrow();
            assertEquals("OFFERED", offer.getString("state"));
            assertEquals("TRANSFER_OFFER", offer.getString("part"));
            assertEquals(ana.id(), offer.getJsonObject("transfer").getString("senderId"));
            JsonObject held = mine(ana).get(0);
            assertEquals("ACTIVE", held.getString("state"));
            assertEquals(bob.id(), held.getJsonObject("transfer").getString("targetId"));

            assertTrue(api.post("/api/interactions/" + chat + "/end", ana.token(), null)
                    .isProblem(409, "transfer-pending"), "the sender cannot end it while it rings");
            assertTrue(transfer(ana, chat, carol).isProblem(409, "transfer-pending"), "one transfer at a time");
            assertEquals(403, api.post(pending(chat, "accept"), carol.token(), null).status(),
                    "only the target accepts");
            assertEquals(403, api.post(pending(chat, "cancel"), bob.token(), null).status(),
                    "only the sender cancels");

            Api.Reply accepted = api.post(pending(chat, "accept"), bob.token(), null);
            assertEquals(200, accepted.status(), accepted.toString());
            assertEquals("ACCEPTED", accepted.json().getString("state"));
            JsonObject moved = anasDesk.nextWhere(e -> "TRANSFERRED".equals(e.getString("cause", null)),
                    "the handover");
            assertEquals(bob.id(), moved.getString("agentId"));
            assertEquals(ana.id(), moved.getString("formerAgentId"));
        }
        JsonObject now = api.get("/api/integration/interactions/" + chat, fixtures.integrationToken()).json();
        assertEquals(bob.id(), now.getString("agentId"));
        assertEquals("ACTIVE", now.getString("state"));
        assertTrue(now.getString("content").contains("Let me find the right colleague."), "its whole transcript");
        assertEquals(1, activeWork(bob), "the chat is bob's work now");
        assertEquals(0, activeWork(ana), "and no longer ana's");

        JsonObject wrapUp = mine(ana).get(0);
        assertEquals("WRAP_UP", wrapUp.getString("state"));
        assertEquals("HANDED_OVER", wrapUp.getString("part"));
        assertTrue(api.post("/api/interactions/" + chat + "/done", ana.token(), "{}")
                .isProblem(409, "wrap-up-required"), "the queue's required codes hold for the sender");
        assertEquals(200, api.post("/api/interactions/" + chat + "/done", ana.token(),
                "{\"wrapUpCode\": \"ESCALATED\"}").status());
        assertTrue(mine(ana).isEmpty());
        assertEquals("ESCALATED", scalar("select wrap_up_code from interaction_participation where interaction_id = "
                + "cast(? as uuid) and agent_id = cast(? as uuid)", chat, ana.id()));

        assertEquals(200, api.post("/api/interactions/" + chat + "/end", bob.token(), null).status());
        assertEquals(200, api.post("/api/interactions/" + chat + "/done", bob.token(),
                "{\"wrapUpCode\": \"SOLVED\"}").status());
        assertEquals(List.of("CREATED", "OFFERED", "ACCEPTED", "MESSAGE", "TRANSFER_REQUESTED", "TRANSFERRED",
                "HANDOVER_DONE", "ENDED", "DONE"), Database.causes(chat));
        assertEquals(bob.id(), scalar("select cast(counterpart_id as varchar) from interaction_transition "
                + "where interaction_id = cast(? as uuid) and cause = ?", chat, "TRANSFER_REQUESTED"));
        JsonObject record = api.get("/api/interactions/" + chat + "/transfers", ana.token()).array()
                .getJsonObject(0);
        assertEquals("ACCEPTED", record.getString("state"));
        assertEquals(bob.id(), record.getString("endedBy"));
    }

    @Test
    void aTransferNobodyAnswersComesBackToTheSenderUnfrozen() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bob = fixtures.readyAgent("chat");
        Route route = fixtures.route("chat", ana);
        assertEquals(204, api.put("/api/admin/routing/queues/" + route.queueId() + "/transfers",
                fixtures.adminToken(), "{\"timeoutSeconds\": 5, \"position\": \"AHEAD\"}").status());
        String chat = fixtures.workInHand(ana, route);
        try (EventSocket anasDesk = EventSocket.open(api, ana.token())) {
            Thread.sleep(300);
            JsonObject requested = transfer(ana, chat, bob).json();
            Instant deadline = Instant.parse(requested.getString("deadline"));
            assertTrue(Duration.between(Instant.now(), deadline).toSeconds() <= 5);
            JsonObject back = anasDesk.nextWhere(e -> "TRANSFER_TIMED_OUT".equals(e.getString("cause", null)),
                    "the transfer coming back");
            assertEquals(ana.id(), back.getString("agentId"));
            assertEquals(bob.id(), back.getString("counterpartId"));
            assertFalse(Instant.now().isBefore(deadline), "not before its deadline");
        }
        assertFalse(present(mine(ana).get(0), "transfer"), "the hold is gone");
        assertTrue(mine(bob).isEmpty(), "the offer stopped ringing for bob");
        assertTrue(api.post(pending(chat, "accept"), bob.token(), null).isProblem(409, "no-pending-transfer"));
        assertEquals("TIMED_OUT", api.get("/api/interactions/" + chat + "/transfers", ana.token()).array()
                .getJsonObject(0).getString("state"));
        assertEquals(200, api.post("/api/interactions/" + chat + "/end", ana.token(), null).status(),
                "unfrozen: the sender can end it again");
    }

    @Test
    void aDeclinedOrCancelledTransferStaysWithTheSender() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bob = fixtures.readyAgent("chat");
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        try (EventSocket anasDesk = EventSocket.open(api, ana.token())) {
            Thread.sleep(300);
            assertEquals(201, transfer(ana, chat, bob).status());
            assertEquals("REJECTED", api.post(pending(chat, "reject"), bob.token(), null).json().getString("state"));
            anasDesk.nextWhere(e -> "TRANSFER_REJECTED".equals(e.getString("cause", null)), "the rejection");
        }
        assertEquals(ana.id(), holder(chat));
        assertEquals(201, transfer(ana, chat, bob).status(), "declined once, it can be asked again");
        assertEquals("CANCELLED", api.post(pending(chat, "cancel"), ana.token(), null).json().getString("state"));
        assertTrue(api.post(pending(chat, "accept"), bob.token(), null).isProblem(409, "no-pending-transfer"));
        assertTrue(mine(bob).isEmpty());
        assertEquals(List.of("REJECTED", "CANCELLED"), transferStates(chat));
    }

    @Test
    void intoAQueueItWaitsAheadOfLaterArrivalsAndIsRoutedThereWhileTheSenderWrapsUp() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent carol = fixtures.readyAgent("chat");
        Route sales = fixtures.route("chat", ana);
        Route support = fixtures.route("chat", carol);
        assertEquals(200, api.post(carol.path() + "/channels/not-ready", carol.token(), notReady("LUNCH", "chat"))
                .status(), "carol away while the queue fills");
        String chat = fixtures.workInHand(ana, sales);
        Instant firstArrival = Instant.parse(api.get("/api/integration/interactions/" + chat,
                fixtures.integrationToken()).json().getString("queuedSince"));
        String later = fixtures.interaction("chat", support.entryPoint()).getString("interactionId");

        Api.Reply moved = api.post("/api/interactions/" + chat + "/transfers", ana.token(),
                "{\"queueId\": \"" + support.queueId() + "\"}");
        assertEquals(201, moved.status(), moved.toString());
        assertEquals("QUEUED", moved.json().getString("state"));
        JsonObject waiting = api.get("/api/integration/interactions/" + chat, fixtures.integrationToken()).json();
        assertEquals("QUEUED", waiting.getString("state"));
        assertEquals(support.queueId(), waiting.getString("queueId"));
        assertEquals(firstArrival, Instant.parse(waiting.getString("queuedSince")), "ahead of later arrivals");
        assertEquals("WRAP_UP", mine(ana).get(0).getString("state"), "the sender wraps up");

        assertEquals(200, api.post(carol.path() + "/channels/ready", carol.token(), channels("chat")).status());
        JsonObject offered = awaitOffer(carol);
        assertEquals(chat, offered.getString("interactionId"), "the transferred chat first, ahead of " + later);
        assertEquals(200, api.post("/api/interactions/" + chat + "/done", ana.token(), "{}").status());
        assertEquals(List.of("CREATED", "OFFERED", "ACCEPTED", "TRANSFERRED_TO_QUEUE", "OFFERED", "HANDOVER_DONE"),
                Database.causes(chat));

        assertEquals(200, api.post("/api/interactions/" + chat + "/accept", carol.token(), null).status());
        Route email = fixtures.route("email");
        assertTrue(api.post("/api/interactions/" + chat + "/transfers", carol.token(),
                "{\"queueId\": \"" + email.queueId() + "\"}").isProblem(422, "queue-not-serving-channel"));
        assertEquals(carol.id(), holder(chat), "refused: nothing moved");
    }

    @Test
    void transfersNobodyCouldTakeAreRefusedWithAReason() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bob = fixtures.readyAgent("chat");
        TestAgent away = fixtures.agent("chat");
        api.post(away.path() + "/channels/login", away.token(), channels("chat"));
        Route route = fixtures.route("chat", ana, bob);
        String anas = fixtures.workInHand(ana, route);
        String bobs = fixtures.workInHand(bob, route);
        assertTrue(transfer(ana, anas, ana).isProblem(422, "transfer-to-self"));
        assertTrue(transfer(ana, anas, bob).isProblem(409, "target-unavailable"), "bob's one chat slot is full");
        assertTrue(transfer(ana, anas, away).isProblem(409, "target-unavailable"), "not Ready");
        assertTrue(api.post("/api/interactions/" + anas + "/transfers", ana.token(),
                "{\"agentId\": \"" + UUID.randomUUID() + "\"}").isProblem(422, "unknown-transfer-target"));
        assertTrue(api.post("/api/interactions/" + anas + "/transfers", ana.token(),
                "{\"agentId\": \"" + bob.id() + "\", \"queueId\": \"" + route.queueId() + "\"}").isProblem(400,
                "validation-failed"));
        assertEquals(403, transfer(bob, anas, away).status(), "only its holder transfers it");
        assertEquals(ana.id(), holder(anas));
        assertEquals(bob.id(), holder(bobs));
        assertTrue(api.get("/api/interactions/" + anas + "/transfers/targets?search=a%00b", ana.token())
                .isProblem(422, "invalid-search"));
        assertTrue(api.post("/api/interactions/" + anas + "/transfers", ana.token(),
                "{\"queueId\": \"" + UUID.randomUUID() + "\"}").isProblem(422, "unknown-transfer-target"));
        assertTrue(transferStates(anas).isEmpty(), "nothing recorded for a refusal");
    }

    @Test
    void anAgentHasOneConversationTheyStartedInTransferAtATime() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat", "sms");
        TestAgent bob = fixtures.readyAgent("chat", "sms");
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        String sms = fixtures.workInHand(ana, fixtures.route("sms", ana));
        // Outbound conversations come with issue 11; until then the flag is set where issue 11 will set it: the row.
        Database.execute("update interaction set outbound = true where id in ('" + chat + "', '" + sms + "')");
        assertEquals(201, transfer(ana, chat, bob).status());
        assertTrue(transfer(ana, sms, bob).isProblem(409, "outbound-transfer-pending"),
                "one of her outbound conversations is in transfer already (CO5)");
        assertEquals(200, api.post(pending(chat, "cancel"), ana.token(), null).status());
        assertEquals(201, transfer(ana, sms, bob).status(), "once that one is answered, the next may go");
    }

    @Test
    void aRingingTransferTakesTheTargetsCapacity() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bob = fixtures.readyAgent("chat");
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        Route bobsQueue = fixtures.route("chat", bob);
        assertEquals(201, transfer(ana, chat, bob).status());
        String waiting = fixtures.interaction("chat", bobsQueue.entryPoint()).getString("interactionId");
        Thread.sleep(1_500);
        assertEquals("QUEUED", api.get("/api/integration/interactions/" + waiting, fixtures.integrationToken())
                .json().getString("state"), "bob's one chat slot is the transfer's while it rings");
        assertEquals(200, api.post(pending(chat, "reject"), bob.token(), null).status());
        assertEquals(waiting, awaitOffer(bob).getString("interactionId"), "declined, the slot takes waiting work");
    }

    @Test
    void aSupervisorTransfersAnAgentsInteractionOnTheirBehalf() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bob = fixtures.readyAgent("chat");
        TestAgent supervisor = fixtures.supervisor();
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        String path = "/api/supervision/interactions/" + chat + "/transfers";
        assertEquals(403, api.post(path, bob.token(), "{\"agentId\": \"" + bob.id() + "\"}").status());
        Api.Reply done = api.post(path, supervisor.token(), "{\"agentId\": \"" + bob.id() + "\"}");
        assertEquals(201, done.status(), done.toString());
        assertEquals(ana.id(), done.json().getString("senderId"));
        assertEquals(supervisor.id(), done.json().getString("requestedBy"));
        assertEquals(supervisor.id(), scalar("select cast(actor_id as varchar) from interaction_transition "
                + "where interaction_id = cast(? as uuid) and cause = ?", chat, "TRANSFER_REQUESTED"));
        assertEquals(200, api.post(path + "/pending/cancel", supervisor.token(), null).status());
        assertEquals(ana.id(), holder(chat));
    }

    @Test
    void theSenderGoingNotReadyKeepsThePendingTransferAndCannotLogOff() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bob = fixtures.readyAgent("chat");
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        assertEquals(201, transfer(ana, chat, bob).status());
        JsonObject state = api.post(ana.path() + "/channels/not-ready", ana.token(), notReady("LUNCH", "chat"))
                .json();
        assertEquals("PENDING_NOT_READY", Fixtures.channel(state, "chat").getString("state"));
        assertEquals(409, api.post(ana.path() + "/channels/logoff", ana.token(), channels("chat")).status(),
                "she still holds the chat");
        assertEquals(200, api.post(pending(chat, "accept"), bob.token(), null).status());
        assertEquals("NOT_READY", Fixtures.channel(api.get(ana.path(), ana.token()).json(), "chat")
                .getString("state"), "her work handed over, Pending Not Ready completes");
    }

    @Test
    void theTargetLeavingWithdrawsTheTransferAndTheCustomerLeavingAbortsIt() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bob = fixtures.readyAgent("chat");
        Route route = fixtures.route("chat", ana);
        String chat = fixtures.workInHand(ana, route);
        try (EventSocket anasDesk = EventSocket.open(api, ana.token())) {
            Thread.sleep(300);
            assertEquals(201, transfer(ana, chat, bob).status());
            assertEquals(200, api.post(bob.path() + "/channels/not-ready", bob.token(), notReady("LUNCH", "chat"))
                    .status());
            anasDesk.nextWhere(e -> "TRANSFER_WITHDRAWN".equals(e.getString("cause", null)), "the withdrawal");
        }
        assertEquals(List.of("WITHDRAWN"), transferStates(chat));
        assertTrue(mine(bob).isEmpty());

        assertEquals(200, api.post(bob.path() + "/channels/ready", bob.token(), channels("chat")).status());
        assertEquals(201, transfer(ana, chat, bob).status());
        JsonObject left = api.post("/api/integration/interactions/" + chat + "/customer-left",
                fixtures.integrationToken(), null).json();
        assertEquals("WRAP_UP", left.getString("state"));
        assertEquals(ana.id(), left.getString("agentId"), "ana wraps it up; it never reached bob");
        assertEquals(List.of("WITHDRAWN", "ABORTED"), transferStates(chat));
        assertTrue(mine(bob).isEmpty());
        assertEquals(200, api.post("/api/interactions/" + chat + "/done", ana.token(), "{}").status());

        String another = fixtures.workInHand(ana, route);
        assertEquals(201, transfer(ana, another, bob).status());
        assertEquals(200, api.put(bob.path() + "/do-not-disturb", bob.token(), "{\"enabled\": true}").status());
        assertEquals(List.of("WITHDRAWN"), transferStates(another), "Do Not Disturb withdraws it too");
        assertEquals(ana.id(), holder(another));
        assertTrue(api.post(pending(chat, "accept"), bob.token(), null).isProblem(409, "no-pending-transfer"));
        assertEquals(0L, openParticipations(bob));
    }

    @Test
    void whenTheTargetAcceptsAsTheSenderCancelsExactlyOneWins() throws Exception {
        int accepted = 0;
        for (int round = 0; round < 8; round++) {
            TestAgent ana = fixtures.readyAgent("chat");
            TestAgent bob = fixtures.readyAgent("chat");
            String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
            assertEquals(201, transfer(ana, chat, bob).status());
            List<Api.Reply> replies = together(
                    () -> api.post(pending(chat, "accept"), bob.token(), null),
                    () -> api.post(pending(chat, "cancel"), ana.token(), null));
            boolean acceptWon = replies.get(0).status() == 200;
            assertTrue(acceptWon != (replies.get(1).status() == 200), "exactly one wins: " + replies);
            Api.Reply loser = replies.get(acceptWon ? 1 : 0);
            assertTrue(loser.isProblem(409, "no-pending-transfer"), loser.toString());
            assertEquals(acceptWon ? bob.id() : ana.id(), holder(chat));
            assertEquals(List.of(acceptWon ? "ACCEPTED" : "CANCELLED"), transferStates(chat));
            assertEquals(acceptWon ? 1L : 0L, openParticipations(ana), "ana owes a wrap-up only if it moved");
            assertEquals(0L, openParticipations(bob));
            accepted += acceptWon ? 1 : 0;
        }
        System.out.println("accept won " + accepted + " of 8 rounds against cancel");
    }

    @Test
    void twoTransfersOfOneInteractionAtOnceLeaveExactlyOne() throws Exception {
        for (int round = 0; round < 5; round++) {
            TestAgent ana = fixtures.readyAgent("chat");
            TestAgent bob = fixtures.readyAgent("chat");
            TestAgent carol = fixtures.readyAgent("chat");
            String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
            List<Api.Reply> replies = together(() -> transfer(ana, chat, bob), () -> transfer(ana, chat, carol));
            long created = replies.stream().filter(r -> r.status() == 201).count();
            assertEquals(1, created, replies.toString());
            assertTrue(replies.stream().anyMatch(r -> r.isProblem(409, "transfer-pending")), replies.toString());
            assertEquals(1L, openParticipations(bob) + openParticipations(carol), "one offer rings");
            assertEquals(List.of("PENDING"), transferStates(chat));
        }
    }

    @Test
    void anAcceptAtTheInstantTheTimeoutFiresHasOneOutcome() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bob = fixtures.readyAgent("chat");
        Route route = fixtures.route("chat", ana);
        api.put("/api/admin/routing/queues/" + route.queueId() + "/transfers", fixtures.adminToken(),
                "{\"timeoutSeconds\": 5, \"position\": \"AHEAD\"}");
        for (int round = 0; round < 2; round++) {
            String chat = fixtures.workInHand(ana, route);
            Instant deadline = Instant.parse(transfer(ana, chat, bob).json().getString("deadline"));
            // Accepts keep coming from just before the deadline until one is answered for good.
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis() - 150));
            Api.Reply answer;
            do {
                answer = api.post(pending(chat, "accept"), bob.token(), null);
            } while (answer.status() == 503);
            if (answer.isProblem(409, "transfer-expired")) {
                awaitTransferState(chat, "TIMED_OUT");   // too late to accept: the sweeper sends it back
            }
            String outcome = transferStates(chat).get(0);
            if (answer.status() == 200) {
                assertEquals("ACCEPTED", outcome);
                assertEquals(bob.id(), holder(chat));
                assertEquals(200, api.post("/api/interactions/" + chat + "/end", bob.token(), null).status());
                assertEquals(200, api.post("/api/interactions/" + chat + "/done", bob.token(), "{}").status());
                assertEquals(200, api.post("/api/interactions/" + chat + "/done", ana.token(), "{}").status());
            } else {
                assertTrue(answer.isProblem(409, "no-pending-transfer")
                        || answer.isProblem(409, "transfer-expired"), answer.toString());
                assertEquals("TIMED_OUT", outcome);
                assertEquals(ana.id(), holder(chat));
                assertEquals(200, api.post("/api/interactions/" + chat + "/end", ana.token(), null).status());
                assertEquals(200, api.post("/api/interactions/" + chat + "/done", ana.token(), "{}").status());
            }
            assertEquals(0L, openParticipations(ana) + openParticipations(bob));
        }
    }

    /** JSON-B leaves null fields out. */
    private static boolean present(JsonObject object, String field) {
        return object.containsKey(field) && !object.isNull(field);
    }

    private Api.Reply transfer(TestAgent from, String interaction, TestAgent to) {
        return api.post("/api/interactions/" + interaction + "/transfers", from.token(),
                Json.createObjectBuilder().add("agentId", to.id()).build().toString());
    }

    private static String pending(String interaction, String answer) {
        return "/api/interactions/" + interaction + "/transfers/pending/" + answer;
    }

    private List<JsonObject> mine(TestAgent agent) {
        return api.get("/api/interactions", agent.token()).array().getValuesAs(JsonObject.class);
    }

    private String holder(String interaction) {
        JsonObject view = api.get("/api/integration/interactions/" + interaction, fixtures.integrationToken()).json();
        return present(view, "agentId") ? view.getString("agentId") : null;
    }

    private int activeWork(TestAgent agent) {
        return Fixtures.channel(api.get(agent.path(), agent.token()).json(), "chat").getInt("activeWork");
    }

    private JsonObject awaitOffer(TestAgent agent) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            var offers = mine(agent).stream().filter(i -> "OFFERED".equals(i.getString("state"))).toList();
            if (!offers.isEmpty()) {
                return offers.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no offer for " + agent.login());
    }

    /** Runs the calls at the same instant (a barrier), each on its own thread and connection. */
    @SafeVarargs
    private static List<Api.Reply> together(Callable<Api.Reply>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CyclicBarrier start = new CyclicBarrier(calls.length);
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (Callable<Api.Reply> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitTransferState(String interaction, String state) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!transferStates(interaction).contains(state)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("transfer of " + interaction + " never " + state);
            }
            Thread.sleep(100);
        }
    }

    private static List<String> transferStates(String interaction) throws SQLException {
        List<String> states = new ArrayList<>();
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "select state from transfer where interaction_id = cast(? as uuid) order by requested_at")) {
            query.setString(1, interaction);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    states.add(rows.getString(1));
                }
            }
        }
        return states;
    }

    private static long openParticipations(TestAgent agent) throws SQLException {
        return Long.parseLong(scalar("select cast(count(*) as varchar) from interaction_participation "
                + "where agent_id = cast(? as uuid) and ended_at is null", agent.id()));
    }

    private static String scalar(String sql, String... parameters) throws SQLException {
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
