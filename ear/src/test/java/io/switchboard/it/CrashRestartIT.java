package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A crash, not a shutdown: the server process is killed with SIGKILL while chats and calls are created, accepted,
 * ended and marked done from several threads, offers ring unanswered and calls' After-Call-Work runs; a new server
 * process is then started on the same installation and database, as {@link RestartIT} does. Nothing a client was told
 * had happened is lost, nothing committed before the crash is changed, nothing is half-made (every interaction agrees
 * with its history and with its agent's channel), and every deadline that passed while the server was down fires
 * within seconds of the restart: ringing offers go back to the queue (RONA) and After-Call-Work ends. The new
 * process serves the rest of the test run; {@link RestartedServerShutdown} stops it at the end.
 */
class CrashRestartIT extends ServerTest {

    private static final int RONA_SECONDS = 3;
    private static final int ACW_SECONDS = 3;
    private static final Duration FIRE_WITHIN = Duration.ofSeconds(10);
    private static final String MEMBERS = "(select agent_id from queue_member where queue_id in (?, ?))";

    /** A request the server answered with success: what the client was told had happened. */
    private record Ack(String what, String interaction, String by) {
    }

    /** A deadline outstanding when the server died: the interaction, its agent and channel, its last step. */
    private record Pending(String interaction, String agent, String channel, long sequence, Instant deadline) {
    }

    /** The committed history and the agents' channel states, read in one transaction just before the kill. */
    private record Snapshot(Map<Long, String> history, Map<String, String> channels) {
    }

    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean crashing = new AtomicBoolean();
    private String integration;
    private Route chats;
    private Route calls;
    private UUID chatQueue;
    private UUID callQueue;

    @Test
    void aServerKilledMidLoadLosesNothingAcknowledgedLeavesNothingHalfMadeAndFiresEveryOverdueDeadline()
            throws Exception {
        integration = fixtures.integrationToken();
        List<TestAgent> workers = readyAgents("chat", 4);
        List<TestAgent> ringers = readyAgents("chat", 2);
        List<TestAgent> callTakers = readyAgents("voice", 2);
        chats = fixtures.route("chat", queue(""), Stream.concat(workers.stream(), ringers.stream())
                .toArray(TestAgent[]::new));
        calls = fixtures.route("voice", queue(",\"acwSeconds\":" + ACW_SECONDS + ",\"acwNextState\":\"READY\""),
                callTakers.toArray(TestAgent[]::new));
        chatQueue = UUID.fromString(chats.queueId());
        callQueue = UUID.fromString(calls.queueId());

        ExecutorService load = Executors.newFixedThreadPool(11);
        List<Future<Void>> running = new ArrayList<>();
        ProcessHandle server;
        Snapshot beforeKill;
        try {
            running.add(load.submit(() -> create(chats, 150)));
            running.add(load.submit(() -> create(chats, 150)));
            running.add(load.submit(() -> create(calls, 400)));
            Stream.concat(workers.stream(), callTakers.stream()).forEach(agent -> running.add(load.submit(() ->
                    work(agent))));
            ringers.forEach(agent -> running.add(load.submit(() -> ring(agent))));
            awaitOffersRingingWhileAfterCallWorkRuns(ringers);
            server = serverProcess();
            beforeKill = snapshot();
            crashing.set(true);
            assertTrue(server.destroyForcibly(), "SIGKILL sent to " + server.pid());
        } finally {
            crashing.set(true);
            load.shutdown();
        }
        List<Pending> offers;
        List<Pending> afterCallWork;
        try {
            awaitDead(server);
            for (Future<Void> thread : running) {
                thread.get(60, TimeUnit.SECONDS);
            }
            offers = pending("select id, agent_id, channel, event_sequence, offer_deadline from interaction "
                    + "where queue_id in (?, ?) and state = 'OFFERED'");
            afterCallWork = pending("select id, agent_id, channel, event_sequence, acw_deadline from interaction "
                    + "where queue_id in (?, ?) and acw_running");
            awaitPassed(Stream.concat(offers.stream(), afterCallWork.stream()));
        } finally {
            startServer();   // whatever failed above, the rest of the run needs a server
        }
        Api restarted = awaitReady(workers.get(0));
        Instant readyAt = Instant.now();

        assertTrue(failures.isEmpty(), "the load ran without errors until the crash: " + failures);
        awaitFired(offers, afterCallWork, readyAt);
        assertNothingAcknowledgedLost(restarted);
        assertCommittedStateKept(beforeKill);
        assertNothingHalfMade();
    }

    private String queue(String more) {
        return "{\"name\":\"crash-" + UUID.randomUUID() + "\",\"ronaTimeoutSeconds\":" + RONA_SECONDS + more + "}";
    }

    private List<TestAgent> readyAgents(String channel, int count) {
        List<TestAgent> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestAgent agent = fixtures.agent(channel);
            assertEquals(200, api.post(agent.path() + "/channels/login", agent.token(), channels(channel)).status());
            assertEquals(200, api.post(agent.path() + "/channels/ready", agent.token(), channels(channel)).status());
            agents.add(agent);
        }
        return agents;
    }

    // --- the load; every success is acknowledged, every failure before the crash recorded ---

    private Void create(Route route, long everyMillis) {
        while (!crashing.get()) {
            String key = UUID.randomUUID().toString();
            String body = Json.createObjectBuilder().add("channel", route.channel())
                    .add("entryPoint", route.entryPoint())
                    .add("customerAddress", route.channel().equals("voice") ? Contents.customer("voice")
                            : "crash-" + key + "@example.com")
                    .add("content", Contents.of(route.channel())).add("idempotencyKey", key).build().toString();
            send(() -> api.post("/api/integration/interactions", integration, body)).ifPresent(reply -> {
                if (reply.status() == 201) {
                    acks.add(new Ack("CREATED", reply.json().getString("interactionId"), key));
                } else if (!crashing.get()) {
                    failures.add("create: " + reply);
                }
            });
            pause(everyMillis);
        }
        return null;
    }

    /** Accepts what is offered, ends what is active, marks done what is in wrap-up once its ACW is over. */
    private Void work(TestAgent agent) {
        while (!crashing.get()) {
            boolean acted = false;
            for (JsonObject interaction : mine(agent)) {
                String id = interaction.getString("interactionId");
                acted |= switch (interaction.getString("state")) {
                    case "OFFERED" -> acknowledged("ACCEPTED", agent, id, "/accept", null);
                    case "ACTIVE" -> acknowledged("ENDED", agent, id, "/end", null);
                    case "WRAP_UP" -> !interaction.getBoolean("afterCallWork")
                            && acknowledged("DONE", agent, id, "/done", "{}");
                    default -> false;
                };
            }
            if (!acted) {
                pause(50);
            }
        }
        return null;
    }

    /** Never answers an offer; goes Ready again whenever one has rung out (RONA). */
    private Void ring(TestAgent agent) {
        while (!crashing.get()) {
            send(() -> api.get(agent.path(), agent.token())).filter(reply -> reply.status() == 200)
                    .filter(reply -> Fixtures.channel(reply.json(), "chat").getString("state").equals("RONA"))
                    .ifPresent(rona -> send(() -> api.post(agent.path() + "/channels/ready", agent.token(),
                            channels("chat"))));
            pause(300);
        }
        return null;
    }

    private List<JsonObject> mine(TestAgent agent) {
        return send(() -> api.get("/api/interactions", agent.token())).filter(reply -> reply.status() == 200)
                .map(reply -> reply.array().getValuesAs(JsonObject.class)).orElse(List.of());
    }

    private boolean acknowledged(String what, TestAgent agent, String interaction, String action, String body) {
        boolean done = send(() -> api.post("/api/interactions/" + interaction + action, agent.token(), body))
                .filter(reply -> reply.status() == 200).isPresent();
        if (done) {
            acks.add(new Ack(what, interaction, agent.id()));
        }
        return done;
    }

    /** The reply, or empty when the request failed; a server error or a failure before the crash is recorded. */
    private Optional<Api.Reply> send(Supplier<Api.Reply> request) {
        try {
            Api.Reply reply = request.get();
            if (reply.status() >= 500 && !crashing.get()) {
                failures.add(reply.toString());
            }
            return Optional.of(reply);
        } catch (RuntimeException e) {
            if (!crashing.get()) {
                failures.add(e.toString());
            }
            return Optional.empty();
        }
    }

    /** Offers to the ringers (who never answer, so nothing takes them before the kill) and ACW running, both live. */
    private void awaitOffersRingingWhileAfterCallWorkRuns(List<TestAgent> ringers) throws SQLException {
        Instant earliest = Instant.now().plusSeconds(3);
        Instant latest = Instant.now().plusSeconds(60);
        try (Connection db = Database.connect()) {
            while (true) {
                Object[] counts = query(db, """
                        select count(*) filter (where state = 'OFFERED' and queue_id = ?
                                                  and cast(agent_id as text) in (?, ?)
                                                  and offer_deadline > now() + interval '1 second'),
                               count(*) filter (where acw_running and acw_deadline > now() + interval '1 second')
                          from interaction where queue_id in (?, ?)""", chatQueue, ringers.get(0).id(),
                        ringers.get(1).id(), chatQueue, callQueue).get(0);
                if (Instant.now().isAfter(earliest) && (Long) counts[0] > 0 && (Long) counts[1] > 0) {
                    return;
                }
                assertTrue(Instant.now().isBefore(latest), "offers ring while After-Call-Work runs: " + failures);
                pause(50);
            }
        }
    }

    // --- the crash and the restart ---

    /**
     * The running server's JVM, whoever started it (Arquillian, or RestartIT or this test with standalone.sh): the
     * one process that runs the {@code org.jboss.as.standalone} module with this installation as
     * {@code jboss.home.dir}. Its arguments are read from {@code /proc/<pid>/cmdline}, since
     * {@code ProcessHandle.Info} gives none for a command line longer than a page, as WildFly's can be.
     */
    private static ProcessHandle serverProcess() throws IOException {
        Path home = Path.of(System.getProperty("jboss.home")).toRealPath();
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(process -> isServerOf(home, arguments(process))).toList();
        assertEquals(1, servers.size(), "one server process of " + home + ": " + servers);
        return servers.get(0);
    }

    private static List<String> arguments(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
            return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | SecurityException gone) {
            return process.info().arguments().map(Arrays::asList).orElse(List.of());
        }
    }

    private static boolean isServerOf(Path home, List<String> arguments) {
        return arguments.contains("org.jboss.as.standalone") && arguments.stream()
                .filter(argument -> argument.startsWith("-Djboss.home.dir="))
                .anyMatch(argument -> sameDirectory(home, argument.substring("-Djboss.home.dir=".length())));
    }

    private static boolean sameDirectory(Path home, String directory) {
        try {
            return Path.of(directory).toRealPath().equals(home);
        } catch (IOException | RuntimeException other) {
            return false;
        }
    }

    /**
     * The server killed with SIGKILL, as the kernel's OOM killer or a pulled plug ends one: no shutdown hook, no
     * graceful undeploy, no last commit. On Linux {@link ProcessHandle#destroyForcibly()} is
     * {@code kill(pid, SIGKILL)} ({@code destroy()} would be SIGTERM, which WildFly handles as a graceful shutdown).
     */
    private static void awaitDead(ProcessHandle server) throws Exception {
        server.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(server.isAlive());
        Instant deadline = Instant.now().plusSeconds(30);
        while (listening(9990) || listening(8080)) {
            assertTrue(Instant.now().isBefore(deadline), "the killed server's ports are free");
            pause(100);
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** Waits while nothing runs until every outstanding deadline has passed, so all of them are overdue at start. */
    private static void awaitPassed(Stream<Pending> deadlines) {
        Instant last = deadlines.map(Pending::deadline).max(Instant::compareTo).orElse(Instant.now());
        while (!Instant.now().isAfter(last)) {
            pause(100);
        }
    }

    /**
     * A new server process, as an operator starts one and as {@link RestartIT} does: standalone.sh with the same
     * configuration and options, its output appended to the file that tells {@link RestartedServerShutdown} to stop
     * it when the run is over.
     */
    private static void startServer() throws IOException {
        String home = System.getProperty("jboss.home");
        ProcessBuilder server = new ProcessBuilder(home + "/bin/standalone.sh", "-c", "standalone-full.xml")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(RestartedServerShutdown.MARKER.toFile()));
        server.environment().put("JAVA_OPTS", System.getProperty("server.jvm.args", "")
                + " -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true");
        server.start();
    }

    /** A client of the new process once it is ready and serving the application. */
    private Api awaitReady(TestAgent agent) {
        Api management = new Api("http://127.0.0.1:9990");
        Api restarted = new Api(api.base());
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (status(management, "/health/ready", null) == 200 && status(restarted, agent.path(), agent.token())
                    == 200) {
                return restarted;
            }
            pause(200);
        }
        throw new AssertionError("the server was not ready within 2 minutes of the restart");
    }

    private static int status(Api client, String path, String token) {
        try {
            return client.get(path, token).status();
        } catch (RuntimeException notYet) {
            return -1;
        }
    }

    // --- what must hold after the restart ---

    private List<Pending> pending(String sql) throws SQLException {
        try (Connection db = Database.connect()) {
            return query(db, sql, chatQueue, callQueue).stream().map(row -> new Pending(text(row[0]), text(row[1]),
                    text(row[2]), (Long) row[3], instant(row[4]))).toList();
        }
    }

    /**
     * Every deadline that passed while the server was down fires within {@link #FIRE_WITHIN} of its being ready: the
     * interaction's first step after the crash is the deadline's (nothing else acts on it: the load died with the
     * server), and the agent's channel moved in the same transaction.
     */
    private void awaitFired(List<Pending> offers, List<Pending> afterCallWork, Instant readyAt) throws SQLException {
        assertFalse(offers.isEmpty(), "the crash caught offers ringing");
        assertFalse(afterCallWork.isEmpty(), "the crash caught After-Call-Work running");
        Instant limit = readyAt.plus(FIRE_WITHIN);
        try (Connection db = Database.connect()) {
            while (true) {
                List<Pending> unfired = new ArrayList<>();
                for (Pending offer : offers) {
                    if (!fired(db, offer, "OFFERED>QUEUED:NO_ANSWER", "RONA")) {
                        unfired.add(offer);
                    }
                }
                for (Pending acw : afterCallWork) {
                    if (!fired(db, acw, "WRAP_UP>WRAP_UP:ACW_ENDED", "READY")) {
                        unfired.add(acw);
                    }
                }
                if (unfired.isEmpty()) {
                    return;
                }
                assertTrue(Instant.now().isBefore(limit), "overdue deadlines fire within " + FIRE_WITHIN
                        + " of the restart; still pending: " + unfired);
                pause(200);
            }
        }
    }

    private boolean fired(Connection db, Pending pending, String expectedStep, String channelState)
            throws SQLException {
        List<Object[]> next = query(db, "select from_state, to_state, cause from interaction_transition "
                + "where interaction_id = ? and sequence = ?", UUID.fromString(pending.interaction()),
                pending.sequence() + 1);
        if (next.isEmpty()) {
            return false;
        }
        assertEquals(expectedStep, next.get(0)[0] + ">" + next.get(0)[1] + ":" + next.get(0)[2],
                "the first step of " + pending + " after the restart");
        assertEquals(channelState, query(db, "select state from channel_session where agent_id = ? and channel = ?",
                UUID.fromString(pending.agent()), pending.channel()).get(0)[0], "the channel of " + pending);
        return true;
    }

    /** Every request answered with success before the crash is reflected after it. */
    private void assertNothingAcknowledgedLost(Api restarted) throws SQLException {
        Map<String, Long> kinds = acks.stream().collect(Collectors.groupingBy(Ack::what, Collectors.counting()));
        for (String kind : List.of("CREATED", "ACCEPTED", "ENDED", "DONE")) {
            assertTrue(kinds.getOrDefault(kind, 0L) > 0, "the load had " + kind + " acknowledged: " + kinds);
        }
        Set<String> steps = new HashSet<>();
        Map<String, String> states = new HashMap<>();
        try (Connection db = Database.connect()) {
            for (Object[] row : query(db, "select t.interaction_id, t.to_state, t.cause, t.agent_id, i.state "
                    + "from interaction_transition t join interaction i on i.id = t.interaction_id "
                    + "where i.queue_id in (?, ?)", chatQueue, callQueue)) {
                steps.add(row[0] + "|" + row[1] + "|" + row[2] + "|" + row[3]);
                states.put(text(row[0]), text(row[4]));
            }
        }
        for (Ack ack : acks) {
            switch (ack.what()) {
                case "CREATED" -> {
                    Api.Reply found = restarted.get("/api/integration/interactions?idempotencyKey=" + ack.by(),
                            integration);
                    assertEquals(200, found.status(), ack + ": " + found);
                    assertEquals(ack.interaction(), found.json().getString("interactionId"), ack.toString());
                    assertTrue(steps.contains(ack.interaction() + "|QUEUED|CREATED|null"), ack + " in the history");
                }
                case "ACCEPTED" -> assertTrue(steps.contains(ack.interaction() + "|ACTIVE|ACCEPTED|" + ack.by()),
                        ack + " in the history");
                case "ENDED" -> assertTrue(steps.contains(ack.interaction() + "|WRAP_UP|ENDED|" + ack.by()),
                        ack + " in the history");
                case "DONE" -> {
                    assertTrue(steps.contains(ack.interaction() + "|DONE|DONE|" + ack.by()), ack + " in the history");
                    assertEquals("DONE", states.get(ack.interaction()), ack.toString());
                }
                default -> fail(ack.toString());
            }
        }
    }

    private Snapshot snapshot() throws SQLException {
        try (Connection db = Database.connect()) {
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Snapshot snapshot = new Snapshot(history(db), channelStates(db));
            db.commit();
            return snapshot;
        }
    }

    /** Every step committed before the crash is still there as it was; no channel logged in was logged out. */
    private void assertCommittedStateKept(Snapshot before) throws SQLException {
        try (Connection db = Database.connect()) {
            Map<Long, String> history = history(db);
            before.history().forEach((seq, step) -> assertEquals(step, history.get(seq), "step " + seq));
            Map<String, String> channels = channelStates(db);
            before.channels().forEach((session, state) -> {
                if (!state.equals("LOGGED_OUT")) {
                    assertNotEquals("LOGGED_OUT", channels.get(session), session + " stays logged in");
                }
            });
        }
    }

    /** seq → the stored step, for every step of the test's interactions. */
    private Map<Long, String> history(Connection db) throws SQLException {
        Map<Long, String> steps = new HashMap<>();
        for (Object[] row : query(db, """
                select t.seq, t.event_id, t.interaction_id, t.sequence, t.from_state, t.to_state, t.cause, t.agent_id
                  from interaction_transition t join interaction i on i.id = t.interaction_id
                 where i.queue_id in (?, ?)""", chatQueue, callQueue)) {
            steps.put((Long) row[0], Stream.of(row).skip(1).map(String::valueOf).collect(Collectors.joining("|")));
        }
        return steps;
    }

    /** "agent|CHANNEL" → the channel's state, for every agent of the test. */
    private Map<String, String> channelStates(Connection db) throws SQLException {
        Map<String, String> states = new HashMap<>();
        for (Object[] row : query(db, "select agent_id, channel, state from channel_session where agent_id in "
                + MEMBERS, chatQueue, callQueue)) {
            states.put(row[0] + "|" + row[1], text(row[2]));
        }
        return states;
    }

    /**
     * Read in one transaction: every interaction agrees with its history (steps 1, 2, 3… from its creation, each
     * starting where the last ended, the last ending in its state) and with itself (an offer has an agent and a
     * deadline, rings a Ready channel and is not left ringing past its deadline; waiting and abandoned work has no
     * agent; After-Call-Work only for a call in wrap-up); every channel's active work is the interactions in progress
     * on it, and a voice channel is in After-Call-Work exactly while one of its calls is. No deadline work failed.
     */
    private void assertNothingHalfMade() throws SQLException {
        try (Connection db = Database.connect()) {
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Instant now = instant(query(db, "select now()").get(0)[0]);
            Map<String, String> channels = channelStates(db);
            Map<String, List<Object[]>> histories = new HashMap<>();
            for (Object[] step : query(db, """
                    select t.interaction_id, t.from_state, t.to_state, t.sequence, t.cause
                      from interaction_transition t join interaction i on i.id = t.interaction_id
                     where i.queue_id in (?, ?) order by t.seq""", chatQueue, callQueue)) {
                histories.computeIfAbsent(text(step[0]), id -> new ArrayList<>()).add(step);
            }
            Map<String, Integer> inProgress = new HashMap<>();
            Set<String> inAfterCallWork = new HashSet<>();
            for (Object[] row : query(db, "select id, channel, state, agent_id, offer_deadline, acw_running, "
                    + "customer_id, event_sequence from interaction where queue_id in (?, ?)", chatQueue, callQueue)) {
                checkInteraction(row, histories.get(text(row[0])), channels, now);
                String session = row[3] + "|" + row[1];
                if (row[2].equals("ACTIVE")) {
                    inProgress.merge(session, 1, Integer::sum);
                }
                if ((Boolean) row[5]) {
                    inAfterCallWork.add(session);
                }
            }
            for (Object[] row : query(db, "select agent_id, channel, state, active_work from channel_session "
                    + "where agent_id in " + MEMBERS, chatQueue, callQueue)) {
                String session = row[0] + "|" + row[1];
                assertEquals(inProgress.getOrDefault(session, 0), row[3], session + ": active work");
                assertEquals(inAfterCallWork.contains(session), "AFTER_CALL_WORK".equals(row[2]),
                        session + " (" + row[2] + "): in After-Call-Work exactly while one of its calls is");
            }
            assertEquals(0L, query(db, "select count(*) from sweep_failure f join interaction i "
                    + "on i.id = f.interaction_id where i.queue_id in (?, ?)", chatQueue, callQueue).get(0)[0],
                    "no deadline work failed");
            db.commit();
        }
    }

    private static void checkInteraction(Object[] row, List<Object[]> steps, Map<String, String> channels,
                                         Instant now) {
        String channel = text(row[1]);
        String state = text(row[2]);
        String agent = text(row[3]);
        Instant deadline = instant(row[4]);
        String where = "interaction " + row[0] + " (" + channel + ", " + state + ")";
        assertNotNull(row[6], where + " belongs to a customer");
        switch (state) {
            case "QUEUED", "ABANDONED" -> assertTrue(agent == null && deadline == null, where + ": no agent");
            case "OFFERED" -> {
                assertTrue(agent != null && deadline != null, where + " has an agent and a deadline");
                assertEquals("READY", channels.get(agent + "|" + channel), where + " rings a Ready channel");
                assertTrue(deadline.isAfter(now.minusSeconds(3)), where + " rings past its deadline " + deadline);
            }
            case "ACTIVE", "WRAP_UP" -> assertTrue(agent != null && deadline == null, where + ": its agent only");
            case "DONE" -> assertTrue(deadline == null, where + ": no deadline");
            default -> fail(where + ": a state the test never causes");
        }
        assertTrue(!(Boolean) row[5] || (state.equals("WRAP_UP") && channel.equals("VOICE")),
                where + ": After-Call-Work only for a call in wrap-up");
        assertFalse(steps == null || steps.isEmpty(), where + " has a history");
        String previous = null;
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(previous, text(steps.get(i)[1]), where + ": step " + (i + 1) + " starts where the last ended");
            assertEquals(i + 1L, (Long) steps.get(i)[3], where + ": steps numbered without a gap");
            previous = text(steps.get(i)[2]);
        }
        assertEquals("CREATED", text(steps.get(0)[4]), where + " starts with its creation");
        assertEquals(state, previous, where + ": its last step ends in its state");
        assertEquals(steps.size(), (Long) row[7], where + ": its last event is its last step");
    }

    // --- small helpers ---

    private static List<Object[]> query(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Object[]> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rows.getObject(c + 1);
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
