package com.paystatus.shared;

import java.time.Instant;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON bodies mean what they say: a text field takes a JSON string and nothing else ({@code
 * "title": 123} or {@code true} is refused, not turned into "123"), a whole number takes a whole
 * number ({@code 1.5} and {@code "5"} are refused, not rounded or parsed), a flag takes {@code
 * true} or {@code false}, an instant takes an ISO-8601 string as {@link ApiTimes} reads it. Every string, map keys included, is held to {@link InputText}. A refused
 * value fails the read, and {@code ApiProblems} answers 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        SimpleModule strings = new SimpleModule("paystatus-strict-strings")
                .addDeserializer(String.class, new Strings())
                .addDeserializer(Instant.class, new Instants())
                .addKeyDeserializer(String.class, new Keys());
        return builder -> builder.addModule(strings)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }

    /** Marks a string refused for its characters, so the answer can say so rather than "wrong type". */
    static final class RefusedCharacters extends InvalidFormatException {

        RefusedCharacters(JsonParser parser, String value) {
            super(parser, "refused character", value, String.class);
        }
    }

    private static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = parser.getString();
            if (!InputText.acceptable(value)) {
                throw new RefusedCharacters(parser, value);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** An instant is an ISO-8601 string with an offset, read as {@link ApiTimes} reads it (null or blank: none). */
    private static final class Instants extends StdScalarDeserializer<Instant> {

        Instants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            String field = parser.currentName();
            return ApiTimes.parse(context.readValue(parser, String.class), field == null ? "" : field);
        }
    }

    private static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (!InputText.acceptable(key)) {
                throw new RefusedCharacters(context.getParser(), key);
            }
            return key;
        }
    }
}
