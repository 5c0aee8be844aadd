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

    /** A new agent, logged in and Ready on each of these channels (a member of no queue). */
    public TestAgent readyAgent(String... channels) {
        TestAgent agent = agent(channels);
        for (String channel : channels) {
            api.post(agent.path() + "/channels/login", agent.token(), Api.channels(channel));
            api.post(agent.path() + "/channels/ready", agent.token(), Api.channels(channel));
        }
        return agent;
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

    /** A fresh queue of one channel with its own entry point, served by these agents. */
    public record Route(String queueId, String channel, String entryPoint, String entryPointId) {
    }

    public Route route(String channel, String queueJson, TestAgent... members) {
        Api.Reply queue = api.post("/api/admin/routing/queues", adminToken(), queueJson);
        if (queue.status() != 201) {
            throw new AssertionError("could not create queue " + queueJson + ": " + queue);
        }
        String queueId = queue.json().getString("id");
        String address = address(channel);
        Api.Reply entryPoint = api.post("/api/admin/routing/entry-points", adminToken(), Json.createObjectBuilder()
                .add("channel", channel).add("address", address).add("queueId", queueId).build().toString());
        if (entryPoint.status() != 201) {
            throw new AssertionError("could not create entry point: " + entryPoint);
        }
        members(queueId, members);
        return new Route(queueId, channel, address, entryPoint.json().getString("id"));
    }

    /** A fresh address of an entry point: a mailbox for email, an E.164 number for SMS, a name otherwise. */
    public static String address(String channel) {
        return switch (channel) {
            case "email" -> "ep-" + UUID.randomUUID() + "@mail.test";
            case "sms" -> "+1555" + ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L);
            default -> "ep-" + UUID.randomUUID();
        };
    }

    public Route route(String channel, TestAgent... members) {
        return route(channel, Json.createObjectBuilder().add("name", "q-" + UUID.randomUUID()).build().toString(),
                members);
    }

    public void members(String queueId, TestAgent... agents) {
        var ids = Json.createArrayBuilder();
        for (TestAgent agent : agents) {
            ids.add(agent.id());
        }
        Api.Reply set = api.put("/api/admin/routing/queues/" + queueId + "/members", adminToken(),
                Json.createObjectBuilder().add("agentIds", ids).build().toString());
        if (set.status() != 204) {
            throw new AssertionError("could not set members: " + set);
        }
    }

    /**
     * Real work in the agent's hands: an interaction created through the route, offered to the agent (Ready on the
     * route's channel, its only member) and accepted. Returns the interaction's id.
     */
    public String workInHand(TestAgent agent, Route route) {
        String id = interaction(route.channel(), route.entryPoint()).getString("interactionId");
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (!"OFFERED".equals(api.get("/api/integration/interactions/" + id, integrationToken()).json()
                .getString("state"))) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("interaction " + id + " was not offered to " + agent.login());
            }
            Thread.onSpinWait();
        }
        Api.Reply accepted = api.post("/api/interactions/" + id + "/accept", agent.token(), null);
        if (accepted.status() != 200) {
            throw new AssertionError("could not accept " + id + ": " + accepted);
        }
        return id;
    }

    /** The state of one channel in an agent state document. */
    public static JsonObject channel(JsonObject agentState, String channel) {
        return agentState.getJsonArray("channels").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("channel").equalsIgnoreCase(channel)).findFirst()
                .orElseThrow(() -> new AssertionError("no channel " + channel + " in " + agentState));
    }
}
