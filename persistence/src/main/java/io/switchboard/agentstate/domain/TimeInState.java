package io.switchboard.agentstate.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.ChannelState;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent's time in state over a period (AS5): every interval that overlaps the period, clipped to it, including the
 * running one of each logged-in channel, and the totals per channel, state and reason.
 */
public final class TimeInState {

    /**
     * Reports cover the years 1970 to 9999: a product bound well inside what PostgreSQL's {@code timestamptz}
     * stores (4713 BC to 294276 AD), so a far-off date is a refused request, not a database error.
     */
    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /** One period in a state, clipped to the requested period; {@code ongoing} when the state has not ended. */
    public record Period(Channel channel, ChannelState state, String reasonCode, Instant start, Instant end,
                         boolean ongoing) {
        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    public record Total(Channel channel, ChannelState state, String reasonCode, Duration duration) {
    }

    private final List<Period> periods;
    private final List<Total> totals;

    private TimeInState(List<Period> periods) {
        this.periods = List.copyOf(periods);
        Map<List<Object>, Total> byKey = new LinkedHashMap<>();
        for (Period p : periods) {
            List<Object> key = java.util.Arrays.asList(p.channel(), p.state(), p.reasonCode());
            byKey.merge(key, new Total(p.channel(), p.state(), p.reasonCode(), p.duration()),
                    (a, b) -> new Total(a.channel(), a.state(), a.reasonCode(), a.duration().plus(b.duration())));
        }
        this.totals = List.copyOf(byKey.values());
    }

    /**
     * @param finished intervals that ended in or after {@code from} and started before {@code to}
     * @param current  the agent's channel sessions, whose current state runs until {@code now}
     */
    public static TimeInState of(List<StateInterval> finished, List<ChannelSession> current,
                                 Instant from, Instant to, Instant now) {
        requireValidPeriod(from, to);
        List<Period> periods = new ArrayList<>();
        for (StateInterval i : finished) {
            clip(i.channel(), i.state(), i.reasonCode(), i.startedAt(), i.endedAt(), false, from, to, periods);
        }
        for (ChannelSession s : current) {
            if (s.state() != ChannelState.LOGGED_OUT) {
                clip(s.channel(), s.state(), s.reasonCode(), s.stateSince(), now, true, from, to, periods);
            }
        }
        periods.sort(Comparator.comparing(Period::start).thenComparing(Period::channel));
        return new TimeInState(periods);
    }

    /** A period starts before it ends, both within the years 1970 to 9999 (see {@link #EARLIEST}). */
    public static void requireValidPeriod(Instant from, Instant to) {
        for (Instant bound : List.of(from, to)) {
            if (bound.isBefore(EARLIEST) || !bound.isBefore(LATEST)) {
                throw new io.switchboard.api.error.InvalidRequestException("invalid-period",
                        "A period must lie within the years 1970 to 9999; got " + bound + ".");
            }
        }
        if (!from.isBefore(to)) {
            throw new io.switchboard.api.error.InvalidRequestException("invalid-period",
                    "The period's start must be before its end.");
        }
    }

    private static void clip(Channel channel, ChannelState state, String reason, Instant start, Instant end,
                             boolean ongoing, Instant from, Instant to, List<Period> into) {
        Instant s = start.isBefore(from) ? from : start;
        Instant e = end.isAfter(to) ? to : end;
        if (s.isBefore(e)) {
            into.add(new Period(channel, state, reason, s, e, ongoing && e.equals(end)));
        }
    }

    public List<Period> periods() {
        return periods;
    }

    public List<Total> totals() {
        return totals;
    }
}
