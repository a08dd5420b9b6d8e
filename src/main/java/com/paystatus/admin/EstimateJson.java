package com.paystatus.admin;

import com.paystatus.notice.Estimate;
import com.paystatus.shared.ApiTimes;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@code estimatedRecoveryAt} as the admin API reads it into an {@link Estimate}, keeping apart what
 * JSON alone can tell: a time, an explicit {@code null} (unknown), or no field at all. An absent
 * field stays null, which the notice's rules refuse rather than read as unknown.
 */
@Configuration(proxyBeanMethods = false)
class EstimateJson {

    @Bean
    JsonMapperBuilderCustomizer estimateReading() {
        return builder ->
                builder.addModule(new SimpleModule("paystatus-estimate").addDeserializer(Estimate.class, new Reader()));
    }

    private static final class Reader extends ValueDeserializer<Estimate> {

        @Override
        public Estimate deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_NULL)) {
                return Estimate.UNKNOWN;
            }
            // the strict string reading (characters; no numbers or flags) applies here too
            String text = context.readValue(parser, String.class);
            return Estimate.at(ApiTimes.parse(text, "estimatedRecoveryAt"));
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            return Estimate.UNKNOWN;
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
