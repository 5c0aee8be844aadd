package io.switchboard.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health, the OpenAPI document and the schema migration (PL5). */
class OperationsIT extends ServerTest {

    @Test
    void readinessIsUpAndChecksTheDatabase() {
        Api management = new Api("http://127.0.0.1:9990");
        JsonObject health = management.get("/health/ready", null).json();
        assertEquals("UP", health.getString("status"));
        assertTrue(health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("name").equals("database") && c.getString("status").equals("UP")),
                health.toString());
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Api.Reply document = api.get("/openapi?format=JSON", null);
        assertEquals(200, document.status());
        JsonObject paths = document.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/agents/{agentId}/channels/ready"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/auth/login"));
    }

    @Test
    void theSchemaWasMigratedByFlyway() throws Exception {
        try (var db = java.sql.DriverManager.getConnection(System.getProperty("switchboard.test.db.url"),
                "postgres", "postgres");
             var rows = db.createStatement().executeQuery(
                     "select count(*) from flyway_schema_history where success and version = '1'")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1));
        }
    }
}
