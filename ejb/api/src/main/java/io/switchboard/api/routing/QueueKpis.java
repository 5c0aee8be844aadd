package io.switchboard.api.routing;

import io.switchboard.api.agentstate.ChannelState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A queue's live figures, computed from stored history over the report's window.
 *
 * <ul>
 *   <li>{@code waiting}, {@code oldestWaitingSince}: customers not answered yet (queued or ringing), now.</li>
 *   <li>{@code answered}: first accepted by an agent within the window; {@code answeredInTime} those who waited at
 *   most {@code serviceLevelSeconds}; {@code abandoned}: left while waiting or ringing, within the window.</li>
 *   <li>{@code serviceLevel} = answeredInTime ÷ (answered + abandoned); {@code abandonRate} = abandoned ÷ (answered +
 *   abandoned); null when nobody was answered or abandoned.</li>
 *   <li>{@code averageSpeedOfAnswerSeconds}: mean wait of the answered; {@code averageHandleTimeSeconds}: mean time
 *   from first acceptance to Done of the interactions done within the window; null when there are none.</li>
 *   <li>{@code agentsByState}: the queue's members by their most available state on the queue's channels, now (Ready
 *   counts agents Ready whether or not they hold work: their room is capacity's business, not a state).</li>
 *   <li>{@code points}: the same over the window's equal slices, oldest first, for the charts.</li>
 * </ul>
 */
public record QueueKpis(UUID queueId, String name, int serviceLevelSeconds, long waiting, Instant oldestWaitingSince,
                        long answered, long answeredInTime, long abandoned, Double serviceLevel,
                        Double averageSpeedOfAnswerSeconds, Double averageHandleTimeSeconds, Double abandonRate,
                        Map<ChannelState, Long> agentsByState, List<Point> points) {

    /**
     * At the end of one slice of the window: customers waiting then, the slice's service level (null when nobody
     * was answered or abandoned in it), and the members by state then.
     */
    public record Point(Instant at, long waiting, Double serviceLevel, Map<ChannelState, Long> agentsByState) {
    }
}
