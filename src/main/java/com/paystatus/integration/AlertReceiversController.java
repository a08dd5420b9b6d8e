package com.paystatus.integration;

import com.paystatus.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receivers monitoring tools call, one per format, each taking a whole batch or nothing (202 with
 * counts). Only tokens of role {@code integration} (and admins) may call them. The raw body is read
 * here so that Grafana's signature can be checked over exactly the bytes sent.
 */
@RestController
@RequestMapping("/api/admin/integrations")
class AlertReceiversController {

    static final String GRAFANA_SIGNATURE = "X-Grafana-Alerting-Signature";

    private final AlertIntake intake;
    private final JsonMapper json;
    private final IntegrationProperties properties;
    private final Clock clock;

    AlertReceiversController(AlertIntake intake, JsonMapper json, IntegrationProperties properties, Clock clock) {
        this.intake = intake;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    record OutcomeJson(int received, int changed, int unchanged, int unmatched) {}

    @PostMapping("/alertmanager")
    ResponseEntity<OutcomeJson> alertmanager(@RequestBody byte[] body) {
        return accepted(AlertFormats.alertmanager("alertmanager", read(body), clock.instant()));
    }

    @PostMapping("/grafana")
    ResponseEntity<OutcomeJson> grafana(
            @RequestBody byte[] body, @RequestHeader(value = GRAFANA_SIGNATURE, required = false) String signature) {
        String secret = properties.grafanaSecret();
        if (secret != null && !secret.isBlank() && !signed(body, secret, signature)) {
            throw new InvalidInputException(GRAFANA_SIGNATURE, "validation.integration.signature");
        }
        return accepted(AlertFormats.alertmanager("grafana", read(body), clock.instant()));
    }

    @PostMapping("/uptime-kuma")
    ResponseEntity<OutcomeJson> uptimeKuma(@RequestBody byte[] body) {
        return accepted(AlertFormats.uptimeKuma(read(body), clock.instant()));
    }

    @PostMapping("/generic")
    ResponseEntity<OutcomeJson> generic(@RequestBody byte[] body) {
        return accepted(AlertFormats.generic(read(body), clock.instant()));
    }

    private ResponseEntity<OutcomeJson> accepted(List<AlertSignal> signals) {
        AlertIntake.Outcome outcome = intake.receive(signals);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new OutcomeJson(outcome.received(), outcome.changed(), outcome.unchanged(), outcome.unmatched()));
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !(node.isObject() || node.isArray())) {
                throw new InvalidInputException("body", "validation.integration.payload");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "validation.integration.payload");
        }
    }

    /** Grafana's HMAC-SHA256 of the body, in hex, compared in constant time. */
    static boolean signed(byte[] body, String secret, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal(body));
            return MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII),
                    signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
