package com.oktoslack.oktopost;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Locale;

/**
 * Oktopost sends booleans as {@code true}/{@code false}, as {@code 1}/{@code 0}, or as the strings {@code "1"},
 * {@code "0"}, and numbers as numbers or strings ({@code "Used": "0"}). Jackson already reads a number from a
 * string; this module, registered on the app's one mapper, reads every boolean alike. Jackson alone refuses
 * {@code "1"} and {@code "0"}.
 */
@Singleton
class OktopostScalars extends SimpleModule {

    OktopostScalars() {
        super("oktopost-scalars");
        addDeserializer(Boolean.class, new FlexibleBoolean(null));
        addDeserializer(boolean.class, new FlexibleBoolean(false));
    }

    private static final class FlexibleBoolean extends JsonDeserializer<Boolean> {

        private final Boolean absent;

        FlexibleBoolean(Boolean absent) {
            this.absent = absent;
        }

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            return switch (token) {
                case VALUE_TRUE -> true;
                case VALUE_FALSE -> false;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue() != 0;
                case VALUE_NULL -> absent;
                case VALUE_STRING -> fromText(parser, context);
                default -> (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
            };
        }

        @Override
        public Boolean getNullValue(DeserializationContext context) {
            return absent;
        }

        private Boolean fromText(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getText().strip().toLowerCase(Locale.ROOT);
            return switch (text) {
                case "1", "true", "yes" -> true;
                case "0", "false", "no" -> false;
                case "" -> absent;
                default -> {
                    try {
                        yield Double.parseDouble(text) != 0;
                    } catch (NumberFormatException e) {
                        yield (Boolean) context.handleWeirdStringValue(Boolean.class, text, "not a boolean");
                    }
                }
            };
        }
    }
}
