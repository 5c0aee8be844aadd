package io.switchboard.routing.domain;

import io.switchboard.api.error.InvalidRequestException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.regex.Pattern;

/** The field checks every channel's content shares; each failure names the field at fault. */
final class ContentFields {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final long MAX_ATTACHMENT_BYTES = 100L * 1024 * 1024;

    private ContentFields() {
    }

    static String text(JsonObject json, String field, int max) {
        if (!(json.get(field) instanceof JsonString value) || value.getString().isBlank()) {
            throw invalid("content." + field + " is required (text).");
        }
        if (value.getString().length() > max) {
            throw invalid("content." + field + " is longer than " + max + " characters.");
        }
        return value.getString().strip();
    }

    static boolean optionalText(JsonObject json, String field, int max) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return false;
        }
        if (!(value instanceof JsonString string)) {
            throw invalid("content." + field + " must be text.");
        }
        if (string.getString().length() > max) {
            throw invalid("content." + field + " is longer than " + max + " characters.");
        }
        return !string.getString().isEmpty();
    }

    static void phone(JsonObject json, String field) {
        String value = text(json, field, 40);
        try {
            CustomerAddress.of(CustomerAddress.Kind.PHONE, value);
        } catch (InvalidRequestException e) {
            throw invalid("content." + field + ": " + e.getMessage());
        }
    }

    static void size(JsonObject json, String field, long max) {
        if (!(json.get(field) instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0
                || number.longValue() > max) {
            throw invalid("content." + field + " is required: a whole number of bytes from 0 to " + max + ".");
        }
    }

    static List<JsonObject> objects(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonArray array)
                || !array.stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.OBJECT)) {
            throw invalid("content." + field + " must be a list of objects.");
        }
        return array.getValuesAs(JsonObject.class);
    }

    static InvalidRequestException invalid(String detail) {
        return new InvalidRequestException("content-invalid", detail);
    }
}
