package io.switchboard.channels.email.application;

import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.Conversations;
import io.switchboard.channels.email.infrastructure.EmailMessages;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.UUID;

/** The files kept from customers' emails, for the agent who has the conversation (or a supervisor). */
@Stateless
public class EmailFiles {

    /** A file as the agent downloads it. */
    public record Download(String name, String type, byte[] data) {
    }

    @EJB
    Conversations conversations;

    @Inject
    EmailMessages messages;

    public Download file(UUID tenantId, UUID agentId, boolean supervisor, UUID interactionId, UUID fileId) {
        if (!conversations.readableBy(tenantId, agentId, supervisor, interactionId)) {
            throw new AccessDeniedException("Only the agent who has interaction " + interactionId
                    + " (or a supervisor) can open its files.");
        }
        return messages.file(tenantId, interactionId, fileId)
                .map(file -> new Download(file.name(), file.type(), file.data()))
                .orElseThrow(() -> new NotFoundException("file-not-found", "No file " + fileId + " in interaction "
                        + interactionId + "."));
    }
}
