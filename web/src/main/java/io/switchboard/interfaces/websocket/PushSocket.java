package io.switchboard.interfaces.websocket;

import io.switchboard.interfaces.security.Caller;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.util.ArrayDeque;
import java.util.function.BiConsumer;

/**
 * One open event socket and the frames waiting for it. {@link #offer} only queues: it never waits for the client.
 * Frames go out in the order offered, asynchronously and one at a time: an offer to an idle socket starts an
 * asynchronous send, and each send's completion (on the container's I/O thread) starts the next. A socket that falls
 * {@code capacity} frames behind, whose send does not complete within the send timeout, or whose send fails, is given
 * up: its queue is dropped and {@code giveUp} unregisters and closes it (1013 Try Again Later). The client reconnects
 * and re-reads its state, so it loses nothing it cannot get back, and no other socket or request waits for it.
 */
final class PushSocket {

    private final Session session;
    private final Caller caller;
    private final int capacity;
    private final long sendTimeoutNanos;
    private final BiConsumer<PushSocket, CloseReason> giveUp;

    private final ArrayDeque<String> queue = new ArrayDeque<>();
    /** A thread or a send completion owns the sending; an offer to a socket that is sending only queues. */
    private boolean sending;
    private boolean inFlight;
    private long sendStartedAt;
    /** The sending thread is inside sendText; a completion that comes meanwhile leaves the next send to it. */
    private boolean insideSend;
    private boolean completedInsideSend;
    private boolean closed;
    private long lastPing = System.nanoTime();

    private static final long KEEP_ALIVE_NANOS = 20_000_000_000L;

    PushSocket(Session session, Caller caller, int capacity, long sendTimeoutMillis,
               BiConsumer<PushSocket, CloseReason> giveUp) {
        this.session = session;
        this.caller = caller;
        this.capacity = capacity;
        this.sendTimeoutNanos = sendTimeoutMillis * 1_000_000L;
        this.giveUp = giveUp;
        // No container send timeout: Undertow drops the connection without a close frame when it fires (clients see
        // 1006); checkSendTimeout gives the socket up with a proper 1013 instead.
        session.getAsyncRemote().setSendTimeout(-1);
    }

    Session session() {
        return session;
    }

    Caller caller() {
        return caller;
    }

    /** Queues the frame to send; false when the socket is closed or too far behind (and is then closed). */
    boolean offer(String frame) {
        boolean full;
        synchronized (this) {
            if (closed) {
                return false;
            }
            full = queue.size() >= capacity;
            if (!full) {
                queue.add(frame);
                if (sending) {
                    return true;
                }
                sending = true;
            }
        }
        if (full) {
            fail("too slow: more than " + capacity + " events behind");
            return false;
        }
        sendQueued();
        return true;
    }

    /** Gives the socket up when its send in flight started longer ago than the send timeout. */
    void checkSendTimeout(long now) {
        boolean overdue;
        synchronized (this) {
            overdue = !closed && inFlight && now - sendStartedAt > sendTimeoutNanos;
        }
        if (overdue) {
            fail("too slow: a send timed out");
        }
    }

    /**
     * A ping every {@link #KEEP_ALIVE_NANOS}, however busy the socket is with events: a socket on which the client
     * never writes is otherwise taken for idle and dropped without a close frame (1006) after about a minute; the
     * client's pong is traffic from its side. Sent only between frames, never interleaved with a send in flight.
     */
    void keepAlive(long now) {
        synchronized (this) {
            if (closed || sending || now - lastPing < KEEP_ALIVE_NANOS) {
                return;
            }
            lastPing = now;
        }
        try {
            session.getAsyncRemote().sendPing(java.nio.ByteBuffer.allocate(0));
        } catch (java.io.IOException | RuntimeException e) {
            fail("ping failed");
        }
    }

    /** Stops sending: the socket closed or was given up. */
    synchronized void stop() {
        closed = true;
        queue.clear();
    }

    /**
     * Sends queued frames one at a time until the queue is empty or a send is still in flight when sendText returns
     * (its completion continues then). A loop rather than recursion, since a send may complete inside sendText.
     */
    private void sendQueued() {
        while (true) {
            String frame;
            synchronized (this) {
                frame = closed ? null : queue.poll();
                if (frame == null) {
                    sending = false;
                    return;
                }
                inFlight = true;
                sendStartedAt = System.nanoTime();
                insideSend = true;
                completedInsideSend = false;
            }
            try {
                session.getAsyncRemote().sendText(frame, this::sent);
            } catch (RuntimeException e) {
                // IllegalStateException: the session closed meanwhile
                fail("send failed");
                return;
            }
            synchronized (this) {
                insideSend = false;
                if (!completedInsideSend) {
                    return;
                }
            }
        }
    }

    private void sent(SendResult result) {
        if (!result.isOK()) {
            fail("send failed");
            return;
        }
        synchronized (this) {
            inFlight = false;
            if (insideSend) {
                completedInsideSend = true;
                return;
            }
        }
        sendQueued();
    }

    private void fail(String why) {
        synchronized (this) {
            if (closed) {
                return;
            }
            stop();
        }
        giveUp.accept(this, new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, why));
    }
}
