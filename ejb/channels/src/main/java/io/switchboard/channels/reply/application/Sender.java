package io.switchboard.channels.reply.application;

import io.switchboard.api.Channel;
import io.switchboard.channels.domain.OutboundMessage;

/**
 * Hands one reply to the wire (the mail server, the SMS provider), outside any transaction, within a bounded time.
 * Never throws: every outcome is one of {@link Outcome}'s.
 */
public interface Sender {

    Channel channel();

    Outcome send(OutboundMessage message);

    /** What became of a try. */
    sealed interface Outcome {
    }

    /** Taken; {@code providerId} is the provider's id of the message, if it gives one. */
    record Sent(String providerId) implements Outcome {
    }

    /** Not taken, for a reason that may pass (the server down, a temporary refusal): try again later. */
    record TryAgain(String reason) implements Outcome {
    }

    /** Refused for good (a bad address), or its fate is unknown and another try could send it twice. */
    record Refused(String reason) implements Outcome {
    }
}
