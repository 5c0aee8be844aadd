package io.switchboard.routing.workflow.application;

import io.switchboard.routing.domain.Interaction;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.UUID;

/**
 * What a workflow is told about a conversation: its ids, channel, queue, state, customer, subject and whether an
 * agent started it — never its messages (a workflow that needs them reads them through the integration API).
 */
public final class WorkflowContext {

    private WorkflowContext() {
    }

    public static JsonObject of(Interaction interaction) {
        JsonObjectBuilder context = Json.createObjectBuilder()
                .add("interactionId", interaction.id().toString())
                .add("channel", interaction.channel().name())
                .add("queueId", interaction.queueId().toString())
                .add("state", interaction.state().name())
                .add("outbound", interaction.outbound());
        add(context, "agentId", interaction.agentId());
        add(context, "customerId", interaction.customerId());
        add(context, "entryPointId", interaction.entryPointId().orElse(null));
        if (interaction.customerAddress() != null) {
            context.add("customerAddress", interaction.customerAddress());
        }
        JsonObject content = content(interaction.content());
        for (String field : new String[]{"conversationId", "subject"}) {
            if (content.get(field) instanceof JsonString value) {
                context.add(field, value.getString());
            }
        }
        return context.build();
    }

    private static void add(JsonObjectBuilder context, String field, UUID id) {
        if (id == null) {
            context.add(field, JsonValue.NULL);
        } else {
            context.add(field, id.toString());
        }
    }

    private static JsonObject content(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException unreadable) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
