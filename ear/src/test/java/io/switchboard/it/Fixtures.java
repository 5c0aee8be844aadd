package io.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.concurrent.ThreadLocalRandom;
import java.util.UUID;

/**
 * Fresh users for each test, created through the admin API of the demo tenant, so tests never share an agent and
 * can run in any order.
 */
public final class Fixtures {

    public static final String PASSWORD = "it-password-1";

    private final Api api;
    private String adminToken;

    Fixtures(Api api) {
        this.api = api;
    }

    /** An agent of the demo tenant as a test uses it: id, login, extension and a valid token. */
    public record TestAgent(String id, String login, String extension, String token) {
        public String path() {
            return "/api/agents/" + id;
        }
    }

    public String adminToken() {
        if (adminToken == null) {
            adminToken = api.token("admin", Api.DEMO_PASSWORD);
        }
        return adminToken;
    }

    public TestAgent agent(String... channels) {
        return user(new String[] {"agent"}, channels);
    }

    public TestAgent supervisor() {
        return user(new String[] {"supervisor"});
    }

    public TestAgent user(String[] roles, String... channels) {
        String login = "it-" + UUID.randomUUID().toString().substring(0, 13);
        String extension = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
        var roleArray = Json.createArrayBuilder();
        for (String role : roles) {
            roleArray.add(role);
        }
        var channelArray = Json.createArrayBuilder();
        for (String channel : channels) {
            channelArray.add(channel);
        }
        JsonObject body = Json.createObjectBuilder().add("login", login).add("displayName", "Test " + login)
                .add("extension", extension).add("password", PASSWORD).add("licenceTier", "PREMIUM")
                .add("roles", roleArray).add("channels", channelArray).build();
        Api.Reply created = api.post("/api/admin/agents", adminToken(), body.toString());
        if (created.status() != 201) {
            throw new AssertionError("could not create " + login + ": " + created);
        }
        return new TestAgent(created.json().getString("agentId"), login, extension, api.token(login, PASSWORD));
    }

    /** A token of the demo tenant's integration user, which reports work started and ended. */
    public String integrationToken() {
        return api.token("backoffice", Api.DEMO_PASSWORD);
    }

    /** A new interaction through an entry point, with its channel's real content, created over REST (201). */
    public JsonObject interaction(String channel, String entryPoint) {
        Api.Reply created = api.post("/api/integration/interactions", integrationToken(), Json.createObjectBuilder()
                .add("channel", channel).add("entryPoint", entryPoint).add("customerAddress", Contents.customer(channel))
                .add("content", Contents.of(channel)).add("idempotencyKey", UUID.randomUUID().toString()).build()
                .toString());
        if (created.status() != 201) {
            throw new AssertionError("could not create a " + channel + " interaction: " + created);
        }
        return created.json();
    }

    public Api.Reply workStarted(TestAgent agent, String channel) {
        return api.post("/api/integration/agents/" + agent.id() + "/channels/" + channel + "/work-started",
                integrationToken(), null);
    }

    public Api.Reply workEnded(TestAgent agent, String channel) {
        return api.post("/api/integration/agents/" + agent.id() + "/channels/" + channel + "/work-ended",
                integrationToken(), null);
    }

    /** The state of one channel in an agent state document. */
    public static JsonObject channel(JsonObject agentState, String channel) {
        return agentState.getJsonArray("channels").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("channel").equalsIgnoreCase(channel)).findFirst()
                .orElseThrow(() -> new AssertionError("no channel " + channel + " in " + agentState));
    }
}
