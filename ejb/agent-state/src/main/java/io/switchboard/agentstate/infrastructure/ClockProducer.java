package io.switchboard.agentstate.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;

/**
 * The time source of the domain: UTC wall clock in whole microseconds, PostgreSQL's precision, so the state a
 * command answers with is exactly the state a later read returns.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
