package io.switchboard.routing.application;

import io.switchboard.api.Channel;
import io.switchboard.api.routing.InteractionCause;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionEvents;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Fires one routing command's events as one CDI payload; observers after commit see them in order. */
@Dependent
public class InteractionEventsFired {

    private static final Set<InteractionCause> IN_CONFERENCE = EnumSet.of(InteractionCause.MESSAGE,
            InteractionCause.CONFERENCE_JOINED, InteractionCause.CONFERENCE_LEFT,
            InteractionCause.CONFERENCE_HANDED_OVER);

    @Inject
    Event<InteractionEvents> events;

    @Inject
    RoutingRepository repository;

    public void fire(List<InteractionEvent> fired) {
        if (!fired.isEmpty()) {
            events.fire(new InteractionEvents(fired.stream().map(this::withConference).toList()));
        }
    }

    /**
     * A change in a conversation with colleagues in conference reaches their screens too. Only the changes that can
     * happen while one lasts (a message, someone joining or leaving, on a chat or call) look them up.
     */
    private InteractionEvent withConference(InteractionEvent event) {
        if ((event.channel() != Channel.CHAT && event.channel() != Channel.VOICE)
                || !IN_CONFERENCE.contains(event.cause())) {
            return event;
        }
        // Loaded by this transaction already: no statement unless someone is in conference.
        var interaction = repository.claimed(event.interactionId());
        if (interaction == null || !interaction.inConference()) {
            return event;
        }
        List<UUID> colleagues = repository.conferenceOf(event.interactionId()).stream()
                .map(io.switchboard.routing.domain.Participation::agentId).toList();
        return colleagues.isEmpty() ? event : event.in(colleagues);
    }
}
