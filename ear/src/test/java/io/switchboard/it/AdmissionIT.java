package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graceful overload (issue 8, item 10): when new work arrives faster than the server takes it in, the excess is
 * refused at once with 503 {@code overloaded} and {@code Retry-After} — not after waiting behind the requests being
 * served — the agents' own commands still get through, and every create that was accepted is stored.
 */
class AdmissionIT extends ServerTest {

    /** The default share of requests in the server that may create new work. */
    private static final int INTAKE = 12;
    private static final int SENT = 30;

    @Test
    void excessNewWorkIsRefusedAtOnceWhileTheAcceptedIsStoredAndAgentsAreStillServed() throws Exception {
        TestAgent agent = fixtures.agent("chat");
        Route route = fixtures.route("chat", agent);
        String integration = fixtures.integrationToken();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String run = UUID.randomUUID().toString();
        List<CompletableFuture<HttpResponse<String>>> creates = new ArrayList<>();
        try (Connection db = Database.connect()) {
            // Every accepted create now waits inside the server (its insert blocks on this lock) and keeps its place.
            db.setAutoCommit(false);
            db.createStatement().execute("lock table interaction in share mode");
            for (int i = 0; i < SENT; i++) {
                String body = Json.createObjectBuilder().add("channel", "chat").add("entryPoint", route.entryPoint())
                        .add("customerAddress", run + "-" + i + "@example.com").add("content", Contents.of("chat"))
                        .add("idempotencyKey", run + "-" + i).build().toString();
                creates.add(http.sendAsync(HttpRequest.newBuilder(URI.create(api.base()
                                + "/api/integration/interactions")).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + integration).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            // The refusals arrive while the lock is still held: nothing made them wait for the accepted ones.
            List<HttpResponse<String>> refused = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (refused.size() < SENT - INTAKE && System.nanoTime() < deadline) {
                refused.clear();
                creates.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).forEach(refused::add);
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertEquals(SENT - INTAKE, refused.size(), "all but the intake share answered while the lock is held");
            for (HttpResponse<String> response : refused) {
                Api.Reply reply = new Api.Reply(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null), response.body());
                assertTrue(reply.isProblem(503, "overloaded"), reply.toString());
                assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
            }
            assertEquals(200, api.get("/api/agents/me", agent.token()).status(),
                    "an agent's own request gets through while new work is refused");
            db.rollback();
        }
        long created = 0;
        for (CompletableFuture<HttpResponse<String>> create : creates) {
            int status = create.get(60, TimeUnit.SECONDS).statusCode();
            assertTrue(status == 201 || status == 503, "only created or refused: " + status);
            created += status == 201 ? 1 : 0;
        }
        assertEquals(INTAKE, created, "the accepted share was created once the lock was gone");
        try (Connection db = Database.connect();
             var count = db.prepareStatement("select count(*) from interaction where idempotency_key like ?")) {
            count.setString(1, run + "-%");
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertEquals(created, rows.getLong(1), "every 201 is stored, no refused create is");
            }
        }
    }
}
