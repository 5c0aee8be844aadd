package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervisors' KPI endpoint computes its figures from stored history: a queue given a known history (written
 * below the API, with exact times) reports exactly its service level, speed of answer, handle time and abandon rate,
 * and real work answered and abandoned through the API moves the figures as the stored transitions say.
 */
class QueueKpisIT extends ServerTest {

    private static final java.time.Instant NOW = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    @Test
    void figuresOfAKnownHistoryAndOfWorkAnsweredAndAbandonedLive() throws Exception {
        TestAgent agent = fixtures.agent("chat");
        Route route = fixtures.route("chat", agent);
        TestAgent earlier = fixtures.agent("chat");   // who handled the written history (not a member now)
        try (Connection db = Database.connect()) {
            // minutes before now: queued, then seconds later answered / abandoned, then seconds after answer done
            history(db, route, earlier, 50, 10, null, 120);    // 10 s wait, 120 s handled
            history(db, route, earlier, 40, 30, null, 90);     // 30 s: not in time; 90 s handled
            history(db, route, earlier, 10, 20, null, null);   // exactly 20 s: in time; still active
            history(db, route, earlier, 30, null, 45, null);   // abandoned after 45 s
            history(db, route, earlier, 120, 5, null, 60);     // before the hour: not counted
        }
        String supervisor = fixtures.supervisor().token();
        JsonObject kpis = queue(supervisor, route);
        assertEquals(20, kpis.getInt("serviceLevelSeconds"));
        assertEquals(3, kpis.getInt("answered"));
        assertEquals(2, kpis.getInt("answeredInTime"));
        assertEquals(1, kpis.getInt("abandoned"));
        assertEquals(0.5, kpis.getJsonNumber("serviceLevel").doubleValue(), 1e-9);
        assertEquals(0.25, kpis.getJsonNumber("abandonRate").doubleValue(), 1e-9);
        assertEquals(20.0, kpis.getJsonNumber("averageSpeedOfAnswerSeconds").doubleValue(), 1e-3);
        assertEquals(105.0, kpis.getJsonNumber("averageHandleTimeSeconds").doubleValue(), 1e-3);
        assertEquals(0, kpis.getInt("waiting"));
        assertEquals(12, kpis.getJsonArray("points").size());
        assertEquals(1.0, kpis.getJsonArray("points").getJsonObject(2).getJsonNumber("serviceLevel").doubleValue(),
                "answered 49:50 ago: in the slice ending 45 minutes ago");
        assertEquals(1, kpis.getJsonObject("agentsByState").getInt("LOGGED_OUT"), "the member is not logged in");

        // Live: the member goes Ready and answers one chat; another chat is abandoned while it waits.
        api.post(agent.path() + "/channels/login", agent.token(), channels("chat"));
        api.post(agent.path() + "/channels/ready", agent.token(), channels("chat"));
        String answered = fixtures.workInHand(agent, route);
        assertEquals(200, api.post("/api/interactions/" + answered + "/end", agent.token(), null).status());
        assertEquals(200, api.post("/api/interactions/" + answered + "/done", agent.token(), "{}").status());
        api.post(agent.path() + "/channels/not-ready", agent.token(), Api.notReady("BREAK", "chat"));
        String waiting = fixtures.interaction("chat", route.entryPoint()).getString("interactionId");
        JsonObject meanwhile = queue(supervisor, route);
        assertEquals(1, meanwhile.getInt("waiting"));
        assertTrue(meanwhile.containsKey("oldestWaitingSince"));
        assertEquals(1, meanwhile.getJsonObject("agentsByState").getInt("NOT_READY"));
        assertEquals(200, api.post("/api/integration/interactions/" + waiting + "/customer-left",
                fixtures.integrationToken(), null).status());

        JsonObject after = queue(supervisor, route);
        assertEquals(4, after.getInt("answered"), "the live chat was answered");
        assertEquals(3, after.getInt("answeredInTime"), "within 20 s");
        assertEquals(2, after.getInt("abandoned"), "the live chat that was left");
        assertEquals(0, after.getInt("waiting"));
        assertEquals(3.0 / 6, after.getJsonNumber("serviceLevel").doubleValue(), 1e-9);
        assertEquals(2.0 / 6, after.getJsonNumber("abandonRate").doubleValue(), 1e-9);
        assertEquals(storedAnswers(route), after.getInt("answered"), "as the stored history says");
    }

    @Test
    void anotherTenantsQueuesCustomersAndWorkStayOutOfSight() throws Exception {
        String otherTenant = UUID.randomUUID().toString();
        String otherQueue = UUID.randomUUID().toString();
        String otherCustomer = UUID.randomUUID().toString();
        Database.execute("insert into tenant (id, code, name) values ('" + otherTenant + "', 'kpi-"
                + otherTenant.substring(0, 8) + "', 'Other')");
        Database.execute("insert into routing_queue (id, tenant_id, name) values ('" + otherQueue + "', '"
                + otherTenant + "', 'Other queue')");
        Database.execute("insert into customer (id, tenant_id, created_at) values ('" + otherCustomer + "', '"
                + otherTenant + "', now())");
        Database.execute("insert into interaction (id, tenant_id, queue_id, channel, state, idempotency_key, "
                + "customer_address, content, queued_since, updated_at, state_since, customer_id) values ('"
                + UUID.randomUUID() + "', '" + otherTenant + "', '" + otherQueue + "', 'CHAT', 'QUEUED', 'k', "
                + "'x@example.com', '{}', now(), now(), now(), '" + otherCustomer + "')");
        String supervisor = fixtures.supervisor().token();
        JsonObject report = api.get("/api/supervision/kpis", supervisor).json();
        assertTrue(report.getJsonArray("queues").getValuesAs(JsonObject.class).stream()
                .noneMatch(q -> q.getString("queueId").equals(otherQueue)), "only the caller's tenant's queues");
        assertTrue(api.get("/api/supervision/queues/" + otherQueue + "/members", supervisor)
                .isProblem(404, "queue-not-found"));
        assertTrue(api.get("/api/customers/" + otherCustomer + "/interactions", supervisor).status() == 404);
    }

    @Test
    void theServiceLevelThresholdIsSetPerQueueAndChecked() {
        TestAgent agent = fixtures.agent("chat");
        Route route = fixtures.route("chat", "{\"name\":\"sl-" + UUID.randomUUID() + "\",\"serviceLevelSeconds\":30}",
                agent);
        String supervisor = fixtures.supervisor().token();
        assertEquals(30, queue(supervisor, route).getInt("serviceLevelSeconds"));
        assertEquals(204, api.put("/api/admin/routing/queues/" + route.queueId() + "/service-level",
                fixtures.adminToken(), "{\"seconds\":45}").status());
        assertEquals(45, queue(supervisor, route).getInt("serviceLevelSeconds"));
        assertTrue(api.put("/api/admin/routing/queues/" + route.queueId() + "/service-level", fixtures.adminToken(),
                "{\"seconds\":0}").isProblem(422, "invalid-service-level"));
        assertEquals(422, api.put("/api/admin/routing/queues/" + route.queueId() + "/service-level",
                fixtures.adminToken(), "{\"seconds\":20.5}").status());
        assertTrue(api.post("/api/admin/routing/queues", fixtures.adminToken(), "{\"name\":\"sl-" + UUID.randomUUID()
                + "\",\"serviceLevelSeconds\":3601}").isProblem(422, "invalid-service-level"));
    }

    @Test
    void aWindowOutsideOneMinuteToADayIsRefusedInWords() {
        String supervisor = fixtures.supervisor().token();
        assertTrue(api.get("/api/supervision/kpis?minutes=0", supervisor).isProblem(422, "invalid-window"));
        assertTrue(api.get("/api/supervision/kpis?minutes=1441", supervisor).isProblem(422, "invalid-window"));
        assertTrue(api.get("/api/supervision/kpis?minutes=1.5", supervisor).isProblem(422, "invalid-window"));
        assertTrue(api.get("/api/supervision/kpis?minutes=+60", supervisor).isProblem(422, "invalid-window"));
        assertTrue(api.get("/api/supervision/kpis?minutes=%D9%A6%D9%A0", supervisor).isProblem(422, "invalid-window"),
                "Arabic-Indic digits are not quietly read as 60");
        assertEquals(403, api.get("/api/supervision/kpis", fixtures.agent("chat").token()).status());
    }

    private JsonObject queue(String token, Route route) {
        Api.Reply reply = api.get("/api/supervision/kpis?minutes=60", token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("queues").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("queueId").equals(route.queueId())).findFirst().orElseThrow();
    }

    private static int storedAnswers(Route route) throws Exception {
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement("""
                select count(*) from interaction_transition t join interaction i on i.id = t.interaction_id
                 where i.queue_id = cast(? as uuid) and t.cause = 'ACCEPTED'
                   and t.occurred_at > now() - interval '60 minutes'""")) {
            query.setString(1, route.queueId());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** One finished (or abandoned, or still active) interaction with its transitions at exact times. */
    private static void history(Connection db, Route route, TestAgent agent, int minutesAgo, Integer answeredAfter,
                                Integer abandonedAfter, Integer doneAfterAnswer) throws Exception {
        UUID id = UUID.randomUUID();
        // one instant for every row, so that "20 s later" is exactly 20 s later
        String queued = "timestamptz '" + NOW + "' - interval '" + minutesAgo + " minutes'";
        String state = abandonedAfter != null ? "ABANDONED" : doneAfterAnswer != null ? "DONE" : "ACTIVE";
        try (PreparedStatement insert = db.prepareStatement(("""
                insert into interaction (id, tenant_id, queue_id, channel, state, idempotency_key, customer_address,
                                         content, queued_since, agent_id, updated_at, state_since)
                select cast(? as uuid), q.tenant_id, q.id, 'CHAT', ?, ?, 'kpi@example.com', '{}', %1$s,
                       case when ? = 'ABANDONED' then null else cast(? as uuid) end, %1$s, %1$s
                  from routing_queue q where q.id = cast(? as uuid)""").formatted(queued))) {
            insert.setString(1, id.toString());
            insert.setString(2, state);
            insert.setString(3, id.toString());
            insert.setString(4, state);
            insert.setString(5, agent.id());
            insert.setString(6, route.queueId());
            assertEquals(1, insert.executeUpdate());
        }
        transition(db, id, null, "QUEUED", "CREATED", queued, 1);
        if (answeredAfter != null) {
            String answered = queued + " + interval '" + answeredAfter + " seconds'";
            transition(db, id, "QUEUED", "OFFERED", "OFFERED", answered, 2);
            transition(db, id, "OFFERED", "ACTIVE", "ACCEPTED", answered, 3);
            if (doneAfterAnswer != null) {
                String done = answered + " + interval '" + doneAfterAnswer + " seconds'";
                transition(db, id, "ACTIVE", "WRAP_UP", "ENDED", done, 4);
                transition(db, id, "WRAP_UP", "DONE", "DONE", done, 5);
            }
        } else {
            transition(db, id, "QUEUED", "ABANDONED", "CUSTOMER_LEFT",
                    queued + " + interval '" + abandonedAfter + " seconds'", 2);
        }
    }

    private static void transition(Connection db, UUID interaction, String from, String to, String cause, String at,
                                   int sequence) throws Exception {
        try (PreparedStatement insert = db.prepareStatement(("""
                insert into interaction_transition (event_id, interaction_id, from_state, to_state, occurred_at,
                                                    sequence, cause)
                values (cast(? as uuid), cast(? as uuid), ?, ?, %s, ?, ?)""").formatted(at))) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, interaction.toString());
            insert.setString(3, from);
            insert.setString(4, to);
            insert.setInt(5, sequence);
            insert.setString(6, cause);
            assertEquals(1, insert.executeUpdate());
        }
    }
}
