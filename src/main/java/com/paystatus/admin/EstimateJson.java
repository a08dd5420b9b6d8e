package com.paystatus.admin;

import com.paystatus.notice.Estimate;
import com.paystatus.shared.ApiTimes;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code estimatedRecoveryAt} as the admin API reads it, keeping apart what JSON alone can tell:
 * a time, an explicit {@code null} (unknown), or no field at all (not said, which the rules refuse
 * rather than read as unknown). The text is parsed into an {@link Estimate} by the controller, so
 * a malformed time is answered like any other field problem.
 */
@JsonDeserialize(using = EstimateJson.Reader.class)
record EstimateJson(String text) {

    /** The estimate, or null when the field was absent. */
    static Estimate of(EstimateJson json) {
        return json == null ? null : Estimate.at(ApiTimes.parse(json.text(), "estimatedRecoveryAt"));
    }

    static final class Reader extends ValueDeserializer<EstimateJson> {

        @Override
        public EstimateJson deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_NULL)) {
                return new EstimateJson(null);
            }
            // the strict string reading (characters, no numbers or flags) applies here too
            return new EstimateJson(context.readValue(parser, String.class));
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            return new EstimateJson(null);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
