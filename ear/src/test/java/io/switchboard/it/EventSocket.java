package io.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client of {@code /ws/agent-events} that keeps every event it receives, in arrival order. */
public final class EventSocket implements AutoCloseable {

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private final java.util.concurrent.CompletableFuture<Integer> closedWith = new java.util.concurrent.CompletableFuture<>();

    private EventSocket(String base, String ticket) {
        String url = base.replaceFirst("^http", "ws") + "/ws/agent-events?ticket=" + ticket;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url), new Collector()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Opens the socket as the token's user, with a ticket fetched for it (as the web client does). */
    public static EventSocket open(Api api, String token) {
        return new EventSocket(api.base(), api.socketTicket(token));
    }

    /** Opens the socket presenting this ticket as it is (used up, forged, …). */
    public static EventSocket withTicket(Api api, String ticket) {
        return new EventSocket(api.base(), ticket);
    }

    /** The next event, waiting up to the given time; fails the test when none comes. */
    public JsonObject next(Duration wait) {
        try {
            JsonObject event = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + wait);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonObject next() {
        return next(Duration.ofSeconds(10));
    }

    /** The next event that is {@code what}, skipping others (the agent's own state changes), within 10 s. */
    public JsonObject nextWhere(java.util.function.Predicate<JsonObject> wanted, String what) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (java.time.Instant.now().isBefore(deadline)) {
            JsonObject event = next(Duration.between(java.time.Instant.now(), deadline));
            if (wanted.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no " + what + " within 10 s");
    }

    /** Every event received so far and within the given time more, without failing when none comes. */
    public List<JsonObject> drain(Duration wait) {
        List<JsonObject> events = new ArrayList<>();
        java.time.Instant deadline = java.time.Instant.now().plus(wait);
        try {
            while (true) {
                long left = Duration.between(java.time.Instant.now(), deadline).toMillis();
                JsonObject event = left > 0 ? received.poll(left, TimeUnit.MILLISECONDS) : received.poll();
                if (event == null) {
                    return events;
                }
                events.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code count} events. */
    public List<JsonObject> next(int count) {
        List<JsonObject> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(next());
        }
        return events;
    }

    /** The close code the server closed this socket with, waiting up to the given time; fails when it stays open. */
    public int awaitClosedByServer(Duration wait) {
        try {
            return closedWith.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the socket was still open after " + wait);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the socket failed instead of closing", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                .join();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try (var reader = Json.createReader(new StringReader(partial.toString()))) {
                    received.add(reader.readObject());
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedWith.completeExceptionally(error);
        }
    }
}
