package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Fixtures.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One row the sweeper cannot process never stops the others (defect: one bad row halted RONA and ACW for every
 * tenant), and it ends up quarantined where supervisors see it; configuration that would make such rows is refused
 * when it is written.
 */
class SweeperIsolationIT extends ServerTest {

    @Test
    void aRowThatAlwaysFailsIsQuarantinedWhileEveryOtherDeadlineStillFires() throws Exception {
        TestAgent ana = readyOnChat(fixtures.agent("chat"));
        TestAgent bob = readyOnChat(fixtures.agent("chat"));
        Route poisonRoute = fixtures.route("chat", queue(2), ana);
        Route healthyRoute = fixtures.route("chat", queue(3), bob);
        String poisoned = fixtures.interaction("chat", poisonRoute.entryPoint()).getString("interactionId");
        String trigger = "it_poison_" + poisoned.replace("-", "");
        // A fault no configuration check could prevent: every update of this one row fails, for ever.
        Database.execute("create or replace function it_poison() returns trigger language plpgsql as "
                + "$$ begin raise exception 'poisoned row %', old.id; end $$");
        Database.execute("create trigger " + trigger + " before update on interaction for each row "
                + "when (old.id = '" + poisoned + "') execute function it_poison()");
        try {
            String healthy = fixtures.interaction("chat", healthyRoute.entryPoint()).getString("interactionId");
            assertEquals("OFFERED", state(poisoned));
            assertEquals("OFFERED", state(healthy));

            // the poisoned offer expires first, so it heads the line of due rows on every sweep
            awaitState(healthy, "QUEUED", Duration.ofSeconds(15));
            assertEquals("RONA", channel(api.get("/api/agents/me", bob.token()).json(), "chat").getString("state"),
                    "the healthy row's RONA fired although an older row fails on every sweep");

            String supervisor = fixtures.supervisor().token();
            JsonObject quarantined = awaitQuarantined(supervisor, poisoned, Duration.ofSeconds(15));
            assertEquals("EXPIRED_OFFER", quarantined.getString("work"));
            assertTrue(quarantined.getInt("failures") >= 3, quarantined.toString());
            assertTrue(quarantined.getString("lastError").contains("poisoned row"), quarantined.toString());
            assertTrue(api.get("/api/supervision/quarantine", ana.token()).isProblem(403, "forbidden"));
        } finally {
            Database.execute("drop trigger if exists " + trigger + " on interaction");
        }
        String supervisor = fixtures.supervisor().token();
        assertEquals(204, api.delete("/api/supervision/quarantine/" + poisoned, supervisor).status(),
                "released once the cause is gone");
        awaitState(poisoned, "QUEUED", Duration.ofSeconds(10));
        assertTrue(api.get("/api/supervision/quarantine", supervisor).array().stream()
                .noneMatch(row -> row.asJsonObject().getString("interactionId").equals(poisoned)));
    }

    @Test
    void afterCallWorkEndingInAnUnknownOrRetiredReasonIsRefusedWhenConfigured() {
        String admin = fixtures.adminToken();
        assertTrue(api.post("/api/admin/routing/queues", admin, Json.createObjectBuilder()
                        .add("name", "q-" + UUID.randomUUID()).add("acwSeconds", -1).add("acwNextState", "NOT_READY")
                        .add("acwNextReason", "NOPE").build().toString()).isProblem(422, "unknown-reason-code"),
                "the reproduction from the issue is refused");

        String code = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, api.post("/api/admin/reason-codes", admin,
                "{\"code\":\"" + code + "\",\"label\":\"Survey\"}").status());
        String name = "q-" + UUID.randomUUID();
        assertEquals(201, api.post("/api/admin/routing/queues", admin, Json.createObjectBuilder().add("name", name)
                .add("acwSeconds", 30).add("acwNextState", "NOT_READY").add("acwNextReason", code).build()
                .toString()).status());
        Api.Reply retire = api.put("/api/admin/reason-codes/" + code, admin, "{\"active\":false}");
        assertTrue(retire.isProblem(409, "reason-code-in-use"), retire.toString());
        assertTrue(retire.json().getString("detail").contains(name), "the refusal names the queue: " + retire);
        assertEquals(List.of(true), api.get("/api/reason-codes", admin).array().stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("code").equals(code)).map(r -> r.getBoolean("active")).toList(),
                "still there, still active");
    }

    @Test
    void wrapUpCodesAreRefusedWhenTheyCannotBeStoredFaithfully() {
        String admin = fixtures.adminToken();
        for (String codes : new String[] {"[\"A,B\"]", "[\"\"]", "[null]", "[\"" + "x".repeat(41) + "\"]"}) {
            String name = "q-" + UUID.randomUUID();
            Api.Reply created = api.post("/api/admin/routing/queues", admin,
                    "{\"name\":\"" + name + "\",\"wrapUpCodes\":" + codes + "}");
            assertTrue(created.status() == 422 || created.status() == 400, codes + " → " + created);
            assertTrue(api.get("/api/supervision/queues", admin).array().stream()
                    .noneMatch(q -> q.asJsonObject().getString("name").equals(name)), "nothing stored: " + codes);
        }
    }

    private TestAgent readyOnChat(TestAgent agent) {
        api.post(agent.path() + "/channels/login", agent.token(), channels("chat"));
        api.post(agent.path() + "/channels/ready", agent.token(), channels("chat"));
        return agent;
    }

    private static String queue(int ronaSeconds) {
        return Json.createObjectBuilder().add("name", "q-" + UUID.randomUUID()).add("ronaTimeoutSeconds", ronaSeconds)
                .build().toString();
    }

    private String state(String interaction) {
        return api.get("/api/integration/interactions/" + interaction, fixtures.integrationToken()).json()
                .getString("state");
    }

    private void awaitState(String interaction, String expected, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (!state(interaction).equals(expected)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(interaction + " is " + state(interaction) + ", not " + expected);
            }
            Thread.sleep(100);
        }
    }

    private JsonObject awaitQuarantined(String token, String interaction, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            var found = api.get("/api/supervision/quarantine", token).array().stream().map(JsonObject.class::cast)
                    .filter(row -> row.getString("interactionId").equals(interaction)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(interaction + " was not quarantined within " + wait);
    }
}
