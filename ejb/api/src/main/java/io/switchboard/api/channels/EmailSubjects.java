package io.switchboard.api.channels;

import java.util.UUID;

/**
 * OB9: the subjects of a customer's email conversations, each used once (compared without case, extra blanks or
 * reply and forward prefixes). The channels context keeps them — customers' own conversations record theirs as they
 * arrive — and the outbound context claims one when an agent starts a conversation, in its transaction.
 */
public interface EmailSubjects {

    /**
     * Claims {@code subject} for a new conversation with the customer.
     *
     * @throws io.switchboard.api.error.ConflictException {@code subject-used} when an earlier conversation with that
     *                                                    customer had it
     */
    void claim(UUID tenantId, String customerAddress, String subject, UUID interactionId);
}
