package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input is taken as written or refused, never coerced: integers out of range or with a fraction, bytes that are not
 * UTF-8 and dates the product does not report on are refused with their own problem, and nothing is stored.
 */
class StrictInputIT extends ServerTest {

    private static final String QUEUES = "/api/admin/routing/queues";

    @Test
    void aRonaTimeoutBeyondAnIntIsRefusedNotWrappedAround() {
        String name = "strict-" + UUID.randomUUID();

        Api.Reply reply = api.post(QUEUES, fixtures.adminToken(),
                "{\"name\":\"" + name + "\",\"ronaTimeoutSeconds\":4294967297}");

        assertInvalidNumber(reply, "ronaTimeoutSeconds");
        assertTrue(reply.json().getString("detail").contains("2147483647"), "names the range: " + reply);
        assertEquals(0, rows("select count(*) from routing_queue where name = ?", name), "no queue stored");
    }

    @Test
    void aRonaTimeoutWithAFractionIsRefusedNotTruncated() {
        String name = "strict-" + UUID.randomUUID();

        Api.Reply reply = api.post(QUEUES, fixtures.adminToken(),
                "{\"name\":\"" + name + "\",\"ronaTimeoutSeconds\":2.7}");

        assertInvalidNumber(reply, "ronaTimeoutSeconds");
        assertEquals(0, rows("select count(*) from routing_queue where name = ?", name), "no queue stored");
    }

    @Test
    void aCapacityBeyondAnIntIsRefused() {
        String name = "strict-" + UUID.randomUUID();

        Api.Reply reply = api.post("/api/admin/routing/profiles", fixtures.adminToken(),
                "{\"name\":\"" + name + "\",\"capacity\":{\"chat\":4294967298}}");

        assertInvalidNumber(reply, "capacity");
        assertEquals(0, rows("select count(*) from multimedia_profile where name = ?", name), "no profile stored");
    }

    @Test
    void anAfterCallWorkExtensionBeyondAnIntIsRefusedAndTheDeadlineStays() {
        TestAgent ana = anAgentInAfterCallWork();
        JsonObject call = api.get("/api/interactions", ana.token()).array().getJsonObject(0);
        String deadline = call.getString("afterCallWorkDeadline");

        Api.Reply reply = api.post("/api/interactions/" + call.getString("interactionId") + "/extend-acw",
                ana.token(), "{\"seconds\":4294967297}");

        assertInvalidNumber(reply, "seconds");
        JsonObject after = api.get("/api/interactions", ana.token()).array().getJsonObject(0);
        assertTrue(after.getBoolean("afterCallWork"), after.toString());
        assertEquals(deadline, after.getString("afterCallWorkDeadline"), "not extended by 1 s");
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedAndNothingIsStored() {
        String name = "strict-" + UUID.randomUUID();

        // 0xC3 starts a two-byte sequence; 0x28 ('(') cannot continue it.
        Api.Reply reply = postBytes(QUEUES, fixtures.adminToken(),
                bytes("{\"name\":\"" + name + "-caf", new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}"));

        assertTrue(reply.isProblem(400, "invalid-utf8"), reply.toString());
        assertEquals(0, rows("select count(*) from routing_queue where name like ?", name + "%"), "no queue stored");
    }

    @Test
    void aBodyInUtf8KeepsEveryCharacter() {
        String name = "strict-" + UUID.randomUUID() + "-café-☎";

        Api.Reply reply = postBytes(QUEUES, fixtures.adminToken(),
                ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));

        assertEquals(201, reply.status(), reply.toString());
        assertEquals(1, rows("select count(*) from routing_queue where name = ?", name), "stored as sent");
    }

    @Test
    void aPeriodOutsideTheYearsTheProductReportsOnIsRefused() {
        TestAgent ana = fixtures.agent("chat");

        // %2B is "+": a year beyond 9999 needs its sign, and a bare "+" in a query is a space.
        for (String query : List.of("from=%2B20000-01-01T00:00:00Z",
                "from=2020-01-01T00:00:00Z&to=%2B20000-01-01T00:00:00Z", "from=1969-12-31T23:59:59Z")) {
            Api.Reply reply = api.get(ana.path() + "/time-in-state?" + query, ana.token());
            assertTrue(reply.isProblem(422, "invalid-period"), query + ": " + reply);
            assertTrue(reply.json().getString("detail").contains("1970 to 9999"), query + ": " + reply);
        }
    }

    @Test
    void withoutAnEndThePeriodEndsNowAndTheRunningStateIsOngoing() {
        TestAgent bia = fixtures.agent("chat");
        api.post(bia.path() + "/channels/login", bia.token(), channels("chat"));
        api.post(bia.path() + "/channels/ready", bia.token(), channels("chat"));

        JsonObject report = api.get(bia.path() + "/time-in-state", bia.token()).json();

        var intervals = report.getJsonArray("intervals").getValuesAs(JsonObject.class);
        JsonObject running = intervals.get(intervals.size() - 1);
        assertEquals("READY", running.getString("state"), report.toString());
        assertTrue(running.getBoolean("ongoing"), "the state has not ended: " + report);
        assertEquals(report.getString("to"), running.getString("end"), "it runs to the end of the period, now");
    }

    private static void assertInvalidNumber(Api.Reply reply, String field) {
        assertTrue(reply.isProblem(422, "invalid-number"), reply.toString());
        assertTrue(reply.json().getString("detail").contains(field), "names the field: " + reply);
        assertEquals(field, reply.json().getJsonArray("violations").getJsonObject(0).getString("field"),
                reply.toString());
    }

    /** A voice agent whose answered call has ended into 30 s of After-Call-Work. */
    private TestAgent anAgentInAfterCallWork() {
        TestAgent ana = fixtures.agent("voice");
        api.post(ana.path() + "/channels/login", ana.token(), channels("voice"));
        api.post(ana.path() + "/channels/ready", ana.token(), channels("voice"));
        String queue = Json.createObjectBuilder().add("name", "strict-" + UUID.randomUUID()).add("acwSeconds", 30)
                .add("acwNextState", "READY").build().toString();
        Fixtures.Route route = fixtures.route("voice", queue, ana);
        String id = fixtures.workInHand(ana, route);
        assertEquals("WRAP_UP", api.post("/api/interactions/" + id + "/end", ana.token(), null).json()
                .getString("state"));
        return ana;
    }

    private static byte[] bytes(String before, byte[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Sends bytes exactly as given, which {@link Api} (strings, always UTF-8) cannot. */
    private Api.Reply postBytes(String path, String token, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long rows(String sql, String parameter) {
        try (Connection db = DriverManager.getConnection(System.getProperty("switchboard.test.db.url"),
                "postgres", "postgres");
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
