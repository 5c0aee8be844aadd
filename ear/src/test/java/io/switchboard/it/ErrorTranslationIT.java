package io.switchboard.it;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 409 means "this already exists": only the unique constraint a use case names becomes its conflict; any other
 * database error is a server error with a correlation id, never a conflict.
 */
class ErrorTranslationIT extends ServerTest {

    private String queue() {
        return api.post("/api/admin/routing/queues", fixtures.adminToken(),
                "{\"name\":\"errors-" + UUID.randomUUID() + "\"}").json().getString("id");
    }

    private Api.Reply entryPoint(String address, String queueId) {
        return api.post("/api/admin/routing/entry-points", fixtures.adminToken(), Json.createObjectBuilder()
                .add("channel", "chat").add("address", address).add("queueId", queueId).build().toString());
    }

    @Test
    void aDuplicateIsTheConflictOfItsConstraint() {
        String name = "errors-" + UUID.randomUUID();
        String body = "{\"name\":\"" + name + "\"}";
        assertEquals(201, api.post("/api/admin/routing/queues", fixtures.adminToken(), body).status());
        assertTrue(api.post("/api/admin/routing/queues", fixtures.adminToken(), body).isProblem(409, "queue-exists"));

        String queueId = queue();
        String address = "chat-" + UUID.randomUUID();
        assertEquals(201, entryPoint(address, queueId).status());
        assertTrue(entryPoint(address.toUpperCase(Locale.ROOT), queueId).isProblem(409, "entry-point-exists"),
                "the same address, as entry points compare them");
    }

    @Test
    void anAddressThatLowerCasingLengthensIsRefusedBeforeTheDatabaseSeesIt() {
        String queueId = queue();
        // "İ" lower-cases to two characters ("i" and a combining dot): 200 of them are 400 once normalised. This used
        // to reach the database as "value too long" (a 500); the stored form is what is bounded now. (That a database
        // error other than a duplicate is never a 409 is ConstraintsTest's.)
        Api.Reply reply = entryPoint("İ".repeat(200), queueId);
        assertTrue(reply.isProblem(422, "invalid-address"), reply.toString());
        assertEquals(0, entryPointsOf(queueId), "nothing stored");
    }

    private static long entryPointsOf(String queueId) {
        try (Connection db = DriverManager.getConnection(System.getProperty("switchboard.test.db.url"),
                "postgres", "postgres");
             PreparedStatement query = db.prepareStatement("select count(*) from entry_point where queue_id = ?")) {
            query.setObject(1, UUID.fromString(queueId));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
