package io.switchboard.interfaces.rest.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error ({@code /problems/<code>}); {@code detail}
 * is for people; {@code correlationId} appears on server errors and in the server log.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "correlationId", "violations"})
public record Problem(String type, String title, int status, String detail, String instance, String correlationId,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request body or parameter. */
    public record Violation(String field, String message) {
    }

    public static String typeOf(String code) {
        return "/problems/" + code;
    }
}
