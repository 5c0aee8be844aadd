package io.switchboard.channels.im.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.UUID;

/**
 * How many IMs each sender may send: {@code switchboard.im.messages-per-window} (default 20) per window of
 * {@code switchboard.im.window-seconds} (default 10), a fixed window that starts with the sender's first message
 * (so at most twice the limit across a window's end). Kept on this node (a sender's requests go to one node behind
 * a sticky balancer; at worst the limit is per node); windows are forgotten when over.
 */
@ApplicationScoped
public class SendRates {

    @Inject
    @ConfigProperty(name = "switchboard.im.messages-per-window", defaultValue = "20")
    int perWindow;

    @Inject
    @ConfigProperty(name = "switchboard.im.window-seconds", defaultValue = "10")
    int windowSeconds;

    private final ConcurrentMap<UUID, Window> windows = new ConcurrentHashMap<>();

    /** Counts one message of the sender; empty when allowed, else how long until the sender may send again. */
    java.util.Optional<Duration> take(UUID sender, Instant now) {
        Window window = windows.compute(sender, (key, current) -> current == null || !current.coversAt(now)
                ? new Window(now.plusSeconds(windowSeconds), 1) : current.plusOne());
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> !w.coversAt(now));
        }
        return window.count() <= perWindow ? java.util.Optional.empty()
                : java.util.Optional.of(Duration.between(now, window.endsAt()));
    }

    private record Window(Instant endsAt, int count) {
        boolean coversAt(Instant now) {
            return now.isBefore(endsAt);
        }

        Window plusOne() {
            return new Window(endsAt, count + 1);
        }
    }
}
