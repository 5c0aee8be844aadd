package io.switchboard.interfaces.rest;

import io.switchboard.interfaces.rest.problem.InvalidNumberException;
import jakarta.json.JsonNumber;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * The JSON-B configuration of the REST API: input is taken as written or refused, never coerced. Yasson reads
 * {@code "enabled": "maybe"} as {@code false}, so booleans must be JSON booleans; it wraps {@code 4294967297} into an
 * {@code int} as {@code 1} and truncates {@code 2.7} to {@code 2}, so integer fields take whole JSON numbers in their
 * type's range ({@link InvalidNumberException}, a 422 naming the field). Yasson applies these to the boxed types
 * only ({@code Integer}, not {@code int}), so request records declare boxed fields.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(new StrictBoolean(), new StrictInteger(), new StrictLong(), new StrictShort()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    static final class StrictBoolean implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NULL -> null;
                default -> throw new JsonbException("Expected true or false, got " + value);
            };
        }
    }

    static final class StrictInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            Long value = whole(parser.getValue(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            return value == null ? null : value.intValue();
        }
    }

    static final class StrictLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser.getValue(), Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    static final class StrictShort implements JsonbDeserializer<Short> {
        @Override
        public Short deserialize(JsonParser parser, DeserializationContext context, Type type) {
            Long value = whole(parser.getValue(), Short.MIN_VALUE, Short.MAX_VALUE);
            return value == null ? null : value.shortValue();
        }
    }

    /** The value of a JSON number that is a whole number from min to max (2.0 is 2); null for JSON null. */
    static Long whole(JsonValue value, long min, long max) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            // Range first: comparing is cheap even for 1e999999999, removing its zeros is not.
            BigDecimal exact = number.bigDecimalValue();
            if (exact.compareTo(BigDecimal.valueOf(min)) >= 0 && exact.compareTo(BigDecimal.valueOf(max)) <= 0
                    && exact.stripTrailingZeros().scale() <= 0) {
                return exact.longValueExact();
            }
        }
        throw new InvalidNumberException(value.toString(), min, max);
    }
}
