package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that stops reading slows no one: requests that change state stay fast, other sockets keep receiving
 * promptly, and the server closes the stalled socket once its queue overflows or a send to it times out.
 */
class SlowSocketIT extends ServerTest {

    /** The server's defaults; pass the same system properties to the tests when the server is configured otherwise. */
    private static final int QUEUE_FRAMES = Integer.getInteger("switchboard.push.session-queue-frames", 256);
    private static final long SEND_TIMEOUT_MS = Long.getLong("switchboard.push.send-timeout-ms", 5000);

    private static final String[] CHANNELS = {"voice", "email", "chat", "facebook", "twitter", "sms", "workitem"};
    private static final int DRIVERS = 4;
    private static final int RECEIVE_BUFFER = 4096;

    @Test
    void aSocketThatStopsReadingIsClosedAndSlowsNoRequestAndNoOtherSocket() throws Exception {
        TestAgent boss = fixtures.supervisor();
        List<TestAgent> drivers = new ArrayList<>();
        for (int d = 0; d < DRIVERS; d++) {
            drivers.add(fixtures.agent(CHANNELS));
        }
        try (StalledSocket stalled = StalledSocket.open(api, boss.token());
             EventSocket board = EventSocket.open(api, boss.token())) {
            for (TestAgent agent : drivers) {
                assertEquals(200, api.post(agent.path() + "/channels/login", agent.token(), channels()).status());
            }
            int frameBytes = AgentFrames.next(board, drivers.get(0).id(), Duration.ofSeconds(10)).toString().length();
            long events = QUEUE_FRAMES + bytesHeldForAStalledClient() / frameBytes;
            int requestsPerDriver = (int) (1.2 * events / CHANNELS.length / DRIVERS) + 1;

            List<Long> nanos = drive(drivers, requestsPerDriver);

            long slowest = nanos.stream().mapToLong(Long::longValue).max().orElseThrow();
            double mean = nanos.stream().mapToLong(Long::longValue).average().orElseThrow();
            assertTrue(slowest < Duration.ofSeconds(2).toNanos(), "no request waits for the stalled client; slowest "
                    + slowest / 1_000_000 + " ms of " + nanos.size());
            assertTrue(mean < Duration.ofMillis(250).toNanos(), "requests stay fast; mean " + mean / 1e6 + " ms of "
                    + nanos.size() + " requests");

            assertTheBoardKeptUp(board, drivers);

            // A real pause: the stalled client must stay stalled for longer than the server's send timeout.
            Thread.sleep(SEND_TIMEOUT_MS + 2_000);
            assertTrue(stalled.closedByServer(Duration.ofSeconds(60)),
                    "the server closed the socket that stopped reading");
        }
    }

    /**
     * What the network can hold for a client that does not read before a send to it stalls: the server's TCP send
     * buffer at its largest (Linux autotunes it up to {@code tcp_wmem}'s maximum; 4 MiB elsewhere, at most 8 MiB
     * counted), the client's receive buffer, and a frame buffered in the server.
     */
    private static long bytesHeldForAStalledClient() {
        long sendBufferMax = 4L << 20;
        try {
            String[] wmem = Files.readString(Path.of("/proc/sys/net/ipv4/tcp_wmem")).trim().split("\\s+");
            sendBufferMax = Math.min(Long.parseLong(wmem[2]), 8L << 20);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep the assumption
        }
        return sendBufferMax + 2L * RECEIVE_BUFFER + 64 * 1024;
    }

    /** Each driver agent alternates Ready and Not Ready on all its channels; the time of every request. */
    private List<Long> drive(List<TestAgent> drivers, int requestsPerDriver) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(drivers.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (TestAgent agent : drivers) {
                results.add(pool.submit((Callable<List<Long>>) () -> {
                    go.await();
                    List<Long> nanos = new ArrayList<>();
                    for (int i = 0; i < requestsPerDriver; i++) {
                        long start = System.nanoTime();
                        Api.Reply reply = i % 2 == 0
                                ? api.post(agent.path() + "/channels/ready", agent.token(), "{}")
                                : api.post(agent.path() + "/channels/not-ready", agent.token(),
                                "{\"reasonCode\":\"BREAK\"}");
                        nanos.add(System.nanoTime() - start);
                        assertEquals(200, reply.status(), reply.toString());
                    }
                    return nanos;
                }));
            }
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The normal socket opened alongside received every driver's last event, then receives a new one promptly. */
    private void assertTheBoardKeptUp(EventSocket board, List<TestAgent> drivers) {
        Map<String, Long> lastOf = new HashMap<>();
        for (TestAgent agent : drivers) {
            lastOf.put(agent.id(), api.get(agent.path(), agent.token()).json().getJsonNumber("eventSequence")
                    .longValue());
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (!lastOf.isEmpty()) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError("the board never received the last events " + lastOf);
            }
            JsonObject frame = board.next(left);
            String agentId = frame.getString("agentId", "");
            if (AgentFrames.isStateEventOf(frame, agentId) && lastOf.containsKey(agentId)
                    && AgentFrames.sequence(frame) >= lastOf.get(agentId)) {
                lastOf.remove(agentId);
            }
        }
        TestAgent marked = drivers.get(0);
        long start = System.nanoTime();
        api.put(marked.path() + "/do-not-disturb", marked.token(), "{\"enabled\":true}");
        JsonObject dnd = AgentFrames.next(board, marked.id(), Duration.ofSeconds(10));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("DND_CHANGED", dnd.getString("type"));
        assertTrue(millis < 2_000, "the board received a new event " + millis + " ms after the request started");
    }

    /**
     * A WebSocket client speaking the upgrade by hand with a small receive buffer, which after the handshake reads
     * nothing until asked whether the server closed it.
     */
    private static final class StalledSocket implements AutoCloseable {

        private final Socket socket;
        private final DataInputStream in;

        private StalledSocket(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        }

        static StalledSocket open(Api api, String token) throws IOException {
            URI base = URI.create(api.base());
            Socket socket = new Socket();
            socket.setReceiveBufferSize(RECEIVE_BUFFER);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String handshake = "GET /ws/agent-events?ticket=" + api.socketTicket(token) + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(handshake.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StalledSocket stalled = new StalledSocket(socket);
            String head = stalled.readHead();
            assertTrue(head.startsWith("HTTP/1.1 101"), "the upgrade is accepted: " + head);
            return stalled;
        }

        private String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        /**
         * Reads what the server sent until its close frame, the end of the stream or a reset: then it had closed the
         * socket. False when the server goes silent with the socket still open, or keeps sending past the deadline.
         */
        boolean closedByServer(Duration wait) throws IOException {
            socket.setSoTimeout(5_000);
            Instant deadline = Instant.now().plus(wait);
            try {
                while (Instant.now().isBefore(deadline)) {
                    int first = in.read();
                    if (first < 0) {
                        return true;
                    }
                    int second = in.readUnsignedByte();
                    long length = second & 0x7F;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = in.readLong();
                    }
                    if ((second & 0x80) != 0) {
                        in.skipNBytes(4);
                    }
                    in.skipNBytes(length);
                    if ((first & 0x0F) == 0x8) {
                        return true;
                    }
                }
                return false;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (EOFException | SocketException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
