package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Api.notReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 300 chats and emails created from ten threads while 50 agents, each in their own thread, accept, reject, let offers
 * ring out (a 2 s RONA timeout), end and mark done; step away (log off or go Not Ready) with an offer outstanding
 * and come back; switch Do-Not-Disturb on and off; while customers leave chats that wait, ring or are in progress.
 * Every agent has the same multimedia profile: two chats, one email, and no email offered while a chat is offered or
 * active. Afterwards the stored transition history is replayed in order and must show, at every step: each step
 * starting where the last one of its interaction ended, numbered 1, 2, 3… per interaction with the right cause; an
 * offer only from Queued (never to two agents at once) and never to an agent who rejected or let it ring out; no
 * agent above capacity on any channel; no email offered to an agent engaged on a chat; oldest first within a queue;
 * every interaction Done or Abandoned at the end.
 */
class RoutingConcurrencyIT extends ServerTest {

    private static final int AGENTS = 50;
    private static final int INTERACTIONS = 300;
    private static final int CREATORS = 10;
    private static final int CHAT_CAPACITY = 2;
    private static final int EMAIL_CAPACITY = 1;
    private static final Map<String, Integer> CAPACITY = Map.of("CHAT", CHAT_CAPACITY, "EMAIL", EMAIL_CAPACITY);
    private static final int RONA_SECONDS = 2;
    /** Times each agent steps away (log off, Not Ready or DND) during the run, at most. */
    private static final int ABSENCES = 4;
    /** Customers who leave, for each state they leave in. */
    private static final int LEAVES_PER_STATE = 8;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(240);

    /** Every interaction has ended: the agents' and the customers' loops stop. */
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean loadOver = new AtomicBoolean();
    private final AtomicInteger snapshots = new AtomicInteger();
    private final AtomicInteger overCapacity = new AtomicInteger();
    private final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
    private final Queue<String> offersLeftRinging = new ConcurrentLinkedQueue<>();
    private String integration;
    private Route chats;
    private Route emails;

    @Test
    void routingStaysCorrectWhileAgentsComeAndGoOffersRingOutAndCustomersLeave() throws Exception {
        integration = fixtures.integrationToken();
        List<TestAgent> agents = agentsWithTheBlendingProfile();
        chats = fixtures.route("chat", queue(), agents.toArray(TestAgent[]::new));
        emails = fixtures.route("email", queue(), agents.toArray(TestAgent[]::new));
        for (TestAgent agent : agents) {
            assertEquals(200, api.post(agent.path() + "/channels/login", agent.token(), channels("chat", "email"))
                    .status());
            assertEquals(200, api.post(agent.path() + "/channels/ready", agent.token(), channels("chat", "email"))
                    .status());
        }

        Instant started = Instant.now();
        runTheLoad(agents);
        // reported, not required: how close the run came to the limit on this machine
        System.out.println("The load took " + Duration.between(started, Instant.now()).toSeconds() + " s of "
                + LOAD_LIMIT.toSeconds() + " s allowed: " + openStates());

        assertTrue(finished.get(), "every interaction ended Done or Abandoned in time: " + openStates());
        assertTrue(serverErrors.isEmpty(), "no request failed on the server: " + serverErrors);
        assertTrue(offersLeftRinging.isEmpty(), "offers are withdrawn as the agent leaves: " + offersLeftRinging);
        assertTrue(snapshots.get() > 10, "the monitor really ran: " + snapshots.get());
        assertEquals(0, overCapacity.get(), "no live snapshot showed an agent above capacity");

        Replay replay = new Replay(history(), facts());
        replay.run();
        replay.assertEverythingEnded();
        assertTrue(replay.overtakings.isEmpty(), replay.overtakings.size() + " offers overtook older work the agent "
                + "could take, e.g. " + replay.overtakings.subList(0, Math.min(5, replay.overtakings.size())));
        // How often work waited settled in line depends on the machine's speed; it is reported, not required.
        System.out.println(replay.offersWithBacklog + " of " + replay.offers + " offers were made with work settled "
                + "in line");
        assertTrue(replay.count("OFFERED>QUEUED", "NO_ANSWER") > 0, "RONA fired: " + replay.causes);
        assertTrue(replay.count("OFFERED>QUEUED", "AGENT_LEFT") > 0, "offers were withdrawn: " + replay.causes);
        assertTrue(replay.count("OFFERED>QUEUED", "REJECTED") > 0, "offers were rejected: " + replay.causes);
        // (QUEUED>ABANDONED is rare here, since 50 agents leave little waiting; DeparturesIT and the domain tests cover it)
        for (String from : List.of("OFFERED>ABANDONED", "ACTIVE>WRAP_UP")) {
            assertTrue(replay.count(from, "CUSTOMER_LEFT") > 0, "a customer left " + from + ": " + replay.causes);
        }
    }

    private static String queue() {
        return Json.createObjectBuilder().add("name", "load-" + UUID.randomUUID())
                .add("ronaTimeoutSeconds", RONA_SECONDS).build().toString();
    }

    /** Fresh agents on chat and email, all with a profile of two chats, one email, and chats blocking emails. */
    private List<TestAgent> agentsWithTheBlendingProfile() throws Exception {
        String admin = fixtures.adminToken();
        Api.Reply profile = api.post("/api/admin/routing/profiles", admin, Json.createObjectBuilder()
                .add("name", "load-" + UUID.randomUUID())
                .add("capacity", Json.createObjectBuilder().add("chat", CHAT_CAPACITY).add("email", EMAIL_CAPACITY))
                .add("blending", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("whileEngagedOn", "chat").add("blocks", "email")))
                .build().toString());
        assertEquals(201, profile.status(), profile.toString());
        String assignment = "{\"profileId\":\"" + profile.json().getString("id") + "\"}";
        ExecutorService setup = Executors.newFixedThreadPool(4);
        try {
            List<Future<TestAgent>> made = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                made.add(setup.submit(() -> {
                    TestAgent agent = fixtures.agent("chat", "email");
                    Api.Reply assigned = api.put("/api/admin/routing/agents/" + agent.id() + "/profile", admin,
                            assignment);
                    assertEquals(204, assigned.status(), assigned.toString());
                    return agent;
                }));
            }
            List<TestAgent> agents = new ArrayList<>();
            for (Future<TestAgent> agent : made) {
                agents.add(agent.get(120, TimeUnit.SECONDS));
            }
            return agents;
        } finally {
            setup.shutdownNow();
        }
    }

    private void runTheLoad(List<TestAgent> agents) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CREATORS + AGENTS + 2);
        try {
            Future<Void> monitor = pool.submit(this::monitor);
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CREATORS; c++) {
                int creator = c;
                work.add(pool.submit(() -> create(creator)));
            }
            long seed = new Random().nextLong();
            for (int a = 0; a < agents.size(); a++) {
                work.add(pool.submit(new Desk(agents.get(a), seed + a)));
            }
            work.add(pool.submit(this::customersLeave));
            for (Future<?> task : work) {
                task.get(LOAD_LIMIT.plusSeconds(30).toSeconds(), TimeUnit.SECONDS);
            }
            loadOver.set(true);
            monitor.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private Void create(int creator) {
        for (int i = 0; i < INTERACTIONS / CREATORS; i++) {
            String channel = (creator + i) % 2 == 0 ? "chat" : "email";
            Route route = channel.equals("chat") ? chats : emails;
            Api.Reply created = checked(api.post("/api/integration/interactions", integration,
                    Json.createObjectBuilder().add("channel", channel).add("entryPoint", route.entryPoint())
                            .add("customerAddress", "load-" + UUID.randomUUID() + "@example.com")
                            .add("content", Contents.of(channel))
                            .add("idempotencyKey", UUID.randomUUID().toString()).build().toString()));
            assertEquals(201, created.status(), created.toString());
        }
        return null;
    }

    /** Customers leave chats that wait, ring or are in progress, picked from what the database shows now. */
    private Void customersLeave() throws SQLException {
        Map<String, Integer> left = new LinkedHashMap<>(Map.of("QUEUED", 0, "OFFERED", 0, "ACTIVE", 0));
        try (Connection db = Database.connect();
             PreparedStatement pick = db.prepareStatement("select id from interaction where queue_id = "
                     + "cast(? as uuid) and state = ? order by random() limit 1")) {
            pick.setString(1, chats.queueId());
            while (!finished.get() && left.values().stream().anyMatch(n -> n < LEAVES_PER_STATE)) {
                for (String state : List.copyOf(left.keySet())) {
                    if (left.get(state) < LEAVES_PER_STATE && leave(pick, state)) {
                        left.merge(state, 1, Integer::sum);
                    }
                }
                pause(150);
            }
        }
        return null;
    }

    /** The customer of a chat in that state (as the database shows it now; it may have moved on) leaves. */
    private boolean leave(PreparedStatement pick, String state) throws SQLException {
        pick.setString(2, state);
        try (ResultSet row = pick.executeQuery()) {
            return row.next() && checked(api.post("/api/integration/interactions/" + row.getString(1)
                    + "/customer-left", integration, null)).status() == 200;
        }
    }

    /**
     * Reads the live assignments over and over (no agent above capacity on a channel in any snapshot) and notices
     * when every interaction has ended, which ends the agents' loops.
     */
    private Void monitor() throws SQLException {
        try (Connection db = Database.connect();
             PreparedStatement over = db.prepareStatement("""
                     select count(*) from (select agent_id, channel from interaction
                      where queue_id in (cast(? as uuid), cast(? as uuid)) and state in ('OFFERED', 'ACTIVE', 'WRAP_UP')
                      group by agent_id, channel
                     having count(*) > case channel when 'CHAT' then %d else %d end) over"""
                     .formatted(CHAT_CAPACITY, EMAIL_CAPACITY));
             PreparedStatement open = db.prepareStatement("""
                     select count(*), count(*) filter (where state not in ('DONE', 'ABANDONED')) from interaction
                      where queue_id in (cast(? as uuid), cast(? as uuid))""")) {
            for (PreparedStatement query : List.of(over, open)) {
                query.setString(1, chats.queueId());
                query.setString(2, emails.queueId());
            }
            while (!loadOver.get()) {
                try (ResultSet rows = over.executeQuery()) {
                    rows.next();
                    overCapacity.addAndGet(rows.getInt(1));
                    snapshots.incrementAndGet();
                }
                try (ResultSet rows = open.executeQuery()) {
                    rows.next();
                    finished.compareAndSet(false, rows.getInt(1) == INTERACTIONS && rows.getInt(2) == 0);
                }
                pause(100);
            }
        }
        return null;
    }

    private Api.Reply checked(Api.Reply reply) {
        if (reply.status() >= 500) {
            serverErrors.add(reply.toString());
        }
        return reply;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One agent at work in their own thread. Offers: about one in twelve is left to ring out (the agent never answers
     * it, so RONA fires and puts the channel in RONA until the agent notices and goes Ready again), one in ten of the
     * rest is rejected, the others accepted; now and then the agent first logs off that channel (or goes Not Ready
     * when work in progress forbids logging off) and checks that no offer on it still rings for them, then comes back.
     * Active work is ended, wrap-up marked done. Now and then Do-Not-Disturb goes on for a moment.
     */
    private final class Desk implements Callable<Void> {

        private final TestAgent agent;
        private final Random random;
        private int absences;
        private Instant dndUntil;
        private Instant nextLook = Instant.now();

        Desk(TestAgent agent, long seed) {
            this.agent = agent;
            this.random = new Random(seed);
        }

        @Override
        public Void call() {
            Instant deadline = Instant.now().plus(LOAD_LIMIT);
            while (!finished.get() && Instant.now().isBefore(deadline)) {
                boolean acted = false;
                for (JsonObject interaction : mine()) {
                    acted |= handle(interaction);
                }
                switchDoNotDisturb();
                if (Instant.now().isAfter(nextLook)) {
                    comeBackWhereNotReady();
                    nextLook = Instant.now().plusMillis(700);
                }
                if (!acted) {
                    pause(100);
                }
            }
            return null;
        }

        private List<JsonObject> mine() {
            Api.Reply reply = checked(api.get("/api/interactions", agent.token()));
            return reply.status() == 200 ? reply.array().getValuesAs(JsonObject.class) : List.of();
        }

        private boolean handle(JsonObject interaction) {
            String path = "/api/interactions/" + interaction.getString("interactionId");
            return switch (interaction.getString("state")) {
                case "OFFERED" -> answer(interaction, path);
                case "ACTIVE" -> post(path + "/end", null) == 200;
                case "WRAP_UP" -> post(path + "/done", "{}") == 200;
                default -> false;
            };
        }

        private boolean answer(JsonObject offer, String path) {
            String id = offer.getString("interactionId");
            if (Math.floorMod(Objects.hash(agent.id(), id), 12) == 0
                    || Instant.parse(offer.getString("offerDeadline")).isBefore(Instant.now().plusMillis(300))) {
                return false;
            }
            if (absences < ABSENCES && random.nextInt(25) == 0) {
                stepAwayFrom(offer.getString("channel").toLowerCase(Locale.ROOT));
            } else if (random.nextInt(10) == 0) {
                post(path + "/reject", null);
            } else {
                post(path + "/accept", null);
            }
            return true;
        }

        private void stepAwayFrom(String channel) {
            absences++;
            boolean loggedOff = random.nextBoolean()
                    && post(agent.path() + "/channels/logoff", channels(channel)) == 200;
            if (!loggedOff && post(agent.path() + "/channels/not-ready", notReady("BREAK", channel)) != 200) {
                return;
            }
            for (JsonObject still : mine()) {
                if (still.getString("state").equals("OFFERED") && still.getString("channel").equalsIgnoreCase(channel)) {
                    offersLeftRinging.add(agent.login() + " left " + channel + " but " + still);
                }
            }
            pause(200 + random.nextInt(400));
            if (loggedOff) {
                post(agent.path() + "/channels/login", channels(channel));
            }
            post(agent.path() + "/channels/ready", channels(channel));
        }

        private void switchDoNotDisturb() {
            if (dndUntil != null && Instant.now().isAfter(dndUntil)) {
                dndUntil = null;
                checked(api.put(agent.path() + "/do-not-disturb", agent.token(), "{\"enabled\":false}"));
            } else if (dndUntil == null && absences < ABSENCES && random.nextInt(60) == 0) {
                absences++;
                dndUntil = Instant.now().plusMillis(300 + random.nextInt(600));
                checked(api.put(agent.path() + "/do-not-disturb", agent.token(), "{\"enabled\":true}"));
            }
        }

        /** Ready again on a channel that an unanswered offer put in RONA (or that is not Ready for another reason). */
        private void comeBackWhereNotReady() {
            Api.Reply me = checked(api.get(agent.path(), agent.token()));
            if (me.status() != 200) {
                return;
            }
            for (JsonObject session : me.json().getJsonArray("channels").getValuesAs(JsonObject.class)) {
                String channel = session.getString("channel").toLowerCase(Locale.ROOT);
                String state = session.getString("state");
                if (state.equals("LOGGED_OUT")) {
                    post(agent.path() + "/channels/login", channels(channel));
                }
                if (!state.equals("READY")) {
                    post(agent.path() + "/channels/ready", channels(channel));
                }
            }
        }

        private int post(String path, String body) {
            return checked(api.post(path, agent.token(), body)).status();
        }
    }

    // --- the stored history ---

    /** One stored transition. */
    private record Step(long seq, String interaction, String from, String to, String agent, Instant at,
                        long sequence, String cause) {
    }

    /** What the checks need of an interaction from its row. */
    private record Facts(String queue, String channel, Instant queuedSince, long eventSequence) {
    }

    private List<Step> history() throws SQLException {
        List<Step> steps = new ArrayList<>();
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement("""
                     select t.seq, t.interaction_id, t.from_state, t.to_state, t.agent_id, t.occurred_at, t.sequence,
                            t.cause
                       from interaction_transition t join interaction i on i.id = t.interaction_id
                      where i.queue_id in (cast(? as uuid), cast(? as uuid)) order by t.seq""")) {
            query.setString(1, chats.queueId());
            query.setString(2, emails.queueId());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    steps.add(new Step(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getLong(7),
                            rows.getString(8)));
                }
            }
        }
        return steps;
    }

    private Map<String, Facts> facts() throws SQLException {
        Map<String, Facts> facts = new HashMap<>();
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement("""
                     select id, queue_id, channel, queued_since, event_sequence from interaction
                      where queue_id in (cast(? as uuid), cast(? as uuid))""")) {
            query.setString(1, chats.queueId());
            query.setString(2, emails.queueId());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    facts.put(rows.getString(1), new Facts(rows.getString(2), rows.getString(3),
                            rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getLong(5)));
                }
            }
        }
        assertEquals(INTERACTIONS, facts.size(), "every interaction was created once");
        return facts;
    }

    private String openStates() {
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement("select state, count(*) from interaction where queue_id "
                     + "in (cast(? as uuid), cast(? as uuid)) group by state")) {
            query.setString(1, chats.queueId());
            query.setString(2, emails.queueId());
            Map<String, Integer> states = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getInt(2));
                }
            }
            return states.toString();
        } catch (SQLException e) {
            return e.toString();
        }
    }

    /**
     * Replays the stored history in {@code seq} order. The sequence is drawn inside the transaction that made each
     * step and every step that changes an agent's load is made under that agent's row lock, so for any one agent the
     * replay shows their load in the order it really changed.
     */
    private static final class Replay {

        private static final Set<String> HOLDING = Set.of("OFFERED", "ACTIVE", "WRAP_UP");
        private static final Set<String> ENGAGED = Set.of("OFFERED", "ACTIVE");
        private static final Map<String, Set<String>> CAUSES = Map.of(
                "null>QUEUED", Set.of("CREATED"),
                "QUEUED>OFFERED", Set.of("OFFERED"),
                "OFFERED>ACTIVE", Set.of("ACCEPTED"),
                "OFFERED>QUEUED", Set.of("REJECTED", "NO_ANSWER", "AGENT_LEFT"),
                "QUEUED>ABANDONED", Set.of("CUSTOMER_LEFT"),
                "OFFERED>ABANDONED", Set.of("CUSTOMER_LEFT"),
                "ACTIVE>WRAP_UP", Set.of("ENDED", "CUSTOMER_LEFT"),
                "WRAP_UP>DONE", Set.of("DONE"));
        /**
         * How long an older interaction must have waited unchanged before and after an offer of a newer one for that
         * offer to count as overtaking it; see {@link #checkOrder}.
         */
        private static final Duration SETTLED = Duration.ofSeconds(4);

        /** Where one interaction stands at the current step of the replay. */
        private static final class Tracked {
            String state;
            String holder;
            long sequence;
            int lastStep = -1;
            final Set<String> skipped = new HashSet<>();
        }

        private final List<Step> steps;
        private final Map<String, Facts> facts;
        private final int[] nextStepOf;
        private final Map<String, Tracked> tracked = new HashMap<>();
        /** agent → channel → interactions offered, active or in wrap-up. */
        private final Map<String, Map<String, Integer>> held = new HashMap<>();
        /** agent → channel → interactions offered or active. */
        private final Map<String, Map<String, Integer>> engaged = new HashMap<>();
        /** queue → the interactions queued in it. */
        private final Map<String, Set<String>> waiting = new HashMap<>();
        final Map<String, Integer> causes = new HashMap<>();
        final List<String> overtakings = new ArrayList<>();
        int offers;
        int offersWithBacklog;

        Replay(List<Step> steps, Map<String, Facts> facts) {
            this.steps = steps;
            this.facts = facts;
            this.nextStepOf = new int[steps.size()];
            Arrays.fill(nextStepOf, -1);
            Map<String, Integer> last = new HashMap<>();
            for (int i = 0; i < steps.size(); i++) {
                Integer previous = last.put(steps.get(i).interaction(), i);
                if (previous != null) {
                    nextStepOf[previous] = i;
                }
            }
        }

        void run() {
            for (int i = 0; i < steps.size(); i++) {
                apply(i);
            }
        }

        int count(String transition, String cause) {
            return causes.getOrDefault(transition + ":" + cause, 0);
        }

        private void apply(int index) {
            Step step = steps.get(index);
            Facts facts = this.facts.get(step.interaction());
            Tracked it = tracked.computeIfAbsent(step.interaction(), id -> new Tracked());
            String where = "step " + step.seq() + " of " + step.interaction();
            String transition = step.from() + ">" + step.to();
            assertNotNull(facts, where + " belongs to an interaction of the test");
            assertEquals(it.state, step.from(), where + " starts where its last step ended");
            assertEquals(it.sequence + 1, step.sequence(), where + " is numbered without a gap");
            assertTrue(CAUSES.getOrDefault(transition, Set.of()).contains(step.cause()),
                    where + ": " + transition + " caused by " + step.cause());
            causes.merge(transition + ":" + step.cause(), 1, Integer::sum);
            if (is(HOLDING, step.from()) && is(HOLDING, step.to())) {
                assertEquals(it.holder, step.agent(), where + " is made by the agent who holds it");
            }
            if (step.to().equals("OFFERED")) {
                checkOffer(step, facts, it);
            }
            if ("OFFERED".equals(step.from()) && step.to().equals("QUEUED") && !step.cause().equals("AGENT_LEFT")) {
                it.skipped.add(it.holder);
            }
            move(step, facts, it, where);
            it.state = step.to();
            it.holder = is(HOLDING, step.to()) ? step.agent() : null;
            it.sequence = step.sequence();
            it.lastStep = index;
        }

        /** Moves the step's load between agents and the interaction between the queue and the agents. */
        private void move(Step step, Facts facts, Tracked it, String where) {
            if (is(HOLDING, step.from())) {
                add(held, it.holder, facts.channel(), -1);
            }
            if (is(ENGAGED, step.from())) {
                add(engaged, it.holder, facts.channel(), -1);
            }
            if (is(HOLDING, step.to())) {
                assertNotNull(step.agent(), where + " names the agent");
                int now = add(held, step.agent(), facts.channel(), 1);
                assertTrue(now <= CAPACITY.get(facts.channel()), where + ": agent " + step.agent() + " held " + now
                        + " " + facts.channel() + " at once");
            }
            if (is(ENGAGED, step.to())) {
                add(engaged, step.agent(), facts.channel(), 1);
            }
            if ("QUEUED".equals(step.from())) {
                waiting.get(facts.queue()).remove(step.interaction());
            }
            if (step.to().equals("QUEUED")) {
                waiting.computeIfAbsent(facts.queue(), q -> new LinkedHashSet<>()).add(step.interaction());
            }
        }

        private void checkOffer(Step offer, Facts facts, Tracked it) {
            offers++;
            String where = "offer " + offer.seq() + " of " + offer.interaction() + " to " + offer.agent();
            assertFalse(it.skipped.contains(offer.agent()), where + ", who rejected it or let it ring out before");
            if (facts.channel().equals("EMAIL")) {
                assertEquals(0, load(engaged, offer.agent(), "CHAT"), where + " while a chat was offered or active");
            }
            checkOrder(offer, facts);
        }

        /**
         * Oldest first within a queue. An agent's router takes the oldest Queued interaction of the queue that the
         * agent was not skipped for, with {@code FOR UPDATE SKIP LOCKED}. It legitimately passes over an older one
         * only while another transaction holds that row, or has not yet committed the step that made it Queued: a
         * transaction creating or re-queueing it (reject, RONA, withdrawal), offering it to someone else, abandoning
         * it because the customer left, or an agent's stale accept or reject failing on it right after a RONA. Each of
         * those changes the older interaction shortly before or shortly after the offer. Steps are stamped with the
         * time their transaction started (a sweep stamps every row it handles with the time the sweep started), so a
         * stamp can lag the change by up to a busy sweep's length. Hence the exact rule: at the offer of X to agent
         * A stamped t, an interaction Y is overtaken when, at that step of the replay, Y is Queued in X's queue on
         * X's channel, queued before X ({@code queued_since}), not skipped for A (A neither rejected it nor let it
         * ring out earlier in the history), and settled: its last step (the one that made it Queued) is stamped at
         * least {@link #SETTLED} before t, and its next step, if any, at least {@link #SETTLED} after t. There must
         * be none. Systematic overtaking leaves older work waiting far longer than that while newer work is offered,
         * and is caught; {@code offersWithBacklog} counts the offers made while settled work waited in the queue, so
         * the test knows the order was really put to the test.
         */
        private void checkOrder(Step offer, Facts x) {
            boolean backlog = false;
            for (String other : waiting.getOrDefault(x.queue(), Set.of())) {
                Facts y = facts.get(other);
                Tracked waited = tracked.get(other);
                if (other.equals(offer.interaction()) || !y.channel().equals(x.channel())
                        || !settled(waited, offer.at())) {
                    continue;
                }
                backlog = true;
                if (y.queuedSince().isBefore(x.queuedSince()) && !waited.skipped.contains(offer.agent())) {
                    overtakings.add("offer " + offer.seq() + " of " + offer.interaction() + " (queued "
                            + x.queuedSince() + ") to " + offer.agent() + " at " + offer.at() + " while " + other
                            + " (queued " + y.queuedSince() + ") waited since " + steps.get(waited.lastStep).at());
                }
            }
            if (backlog) {
                offersWithBacklog++;
            }
        }

        private boolean settled(Tracked waited, Instant at) {
            Instant since = steps.get(waited.lastStep).at();
            int next = nextStepOf[waited.lastStep];
            return !since.isAfter(at.minus(SETTLED)) && (next < 0 || steps.get(next).at().isAfter(at.plus(SETTLED)));
        }

        void assertEverythingEnded() {
            assertEquals(INTERACTIONS, tracked.size(), "every interaction has a history");
            tracked.forEach((id, it) -> {
                assertTrue(it.state.equals("DONE") || it.state.equals("ABANDONED"), id + " ended " + it.state);
                assertEquals(facts.get(id).eventSequence(), it.sequence, id + "'s last event is its last step");
            });
            held.forEach((agent, channels) -> channels.forEach((channel, left) ->
                    assertEquals(0, left, agent + " holds no " + channel + " at the end")));
        }

        /** Whether a state, null before the first step, is one of these. */
        private static boolean is(Set<String> states, String state) {
            return state != null && states.contains(state);
        }

        private static int add(Map<String, Map<String, Integer>> loads, String agent, String channel, int delta) {
            return loads.computeIfAbsent(agent, a -> new HashMap<>()).merge(channel, delta, Integer::sum);
        }

        private static int load(Map<String, Map<String, Integer>> loads, String agent, String channel) {
            return loads.getOrDefault(agent, Map.of()).getOrDefault(channel, 0);
        }
    }
}
