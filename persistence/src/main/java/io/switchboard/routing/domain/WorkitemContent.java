package io.switchboard.routing.domain;

import jakarta.json.JsonObject;

import java.util.Locale;
import java.util.Set;

import static io.switchboard.routing.domain.ContentFields.MAX_ATTACHMENT_BYTES;
import static io.switchboard.routing.domain.ContentFields.invalid;
import static io.switchboard.routing.domain.ContentFields.size;
import static io.switchboard.routing.domain.ContentFields.text;

/** A workitem: a fax, PDF or other document, its title, size and where the document is kept. */
final class WorkitemContent implements ChannelContent {

    private static final Set<String> KINDS = Set.of("FAX", "PDF", "DOCUMENT");

    @Override
    public void check(JsonObject json) {
        String kind = text(json, "kind", 20).toUpperCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw invalid("content.kind of a workitem is one of " + KINDS + "; got '" + kind + "'.");
        }
        text(json, "title", 200);
        size(json, "size", MAX_ATTACHMENT_BYTES);
        text(json, "documentRef", 1000);
    }
}
