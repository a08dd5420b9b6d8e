package com.paystatus.integration;

import com.paystatus.shared.InputText;
import com.paystatus.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Reads each monitoring tool's payload into {@link AlertSignal}s. Every text kept is held to {@link
 * InputText} (a refused character is a 400 naming the field, and nothing is saved); summaries are cut to
 * what a proposal shows, and a link back is kept only when it is http or https (it is shown to admins
 * as a link).
 */
final class AlertFormats {

    static final int MAX_SUMMARY = 500;
    static final int MAX_LINK = 1000;
    static final int MAX_FINGERPRINT = 200;
    static final int MAX_LABELS = 30;
    static final int MAX_ALERTS = 5000;

    private static final DateTimeFormatter KUMA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private AlertFormats() {}

    /**
     * Prometheus Alertmanager's webhook (payload version 4); Grafana's webhook contact point sends the
     * same shape with a few more fields. An alert without a fingerprint (older senders) is identified by
     * its labels.
     */
    static List<AlertSignal> alertmanager(String source, JsonNode body, Instant now) {
        JsonNode alerts = body.path("alerts");
        if (!alerts.isArray()) {
            throw new InvalidInputException("alerts", "validation.integration.payload");
        }
        if (alerts.size() > MAX_ALERTS) {
            throw new InvalidInputException("alerts", "validation.integration.tooManyAlerts", MAX_ALERTS);
        }
        String externalUrl = text(body, "externalURL", "externalURL");
        List<AlertSignal> signals = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            JsonNode alert = alerts.get(i);
            String field = "alerts[" + i + "]";
            Map<String, String> labels = labels(alert.path("labels"), field + ".labels");
            String status = text(alert, "status", field + ".status");
            if (!"firing".equals(status) && !"resolved".equals(status)) {
                throw new InvalidInputException(field + ".status", "validation.integration.status");
            }
            String fingerprint = text(alert, "fingerprint", field + ".fingerprint");
            if (fingerprint == null || fingerprint.isBlank()) {
                fingerprint = labelsFingerprint(labels);
            }
            JsonNode annotations = alert.path("annotations");
            String summary = first(
                    text(annotations, "summary", field + ".annotations.summary"),
                    text(annotations, "description", field + ".annotations.description"),
                    labels.get("alertname"),
                    fingerprint);
            String link = first(
                    link(text(alert, "generatorURL", field + ".generatorURL")),
                    link(text(alert, "dashboardURL", field + ".dashboardURL")),
                    link(externalUrl));
            signals.add(new AlertSignal(
                    source,
                    fingerprint(fingerprint, field + ".fingerprint"),
                    "firing".equals(status),
                    labels,
                    null,
                    cut(summary),
                    instant(text(alert, "startsAt", field + ".startsAt"), now, field + ".startsAt"),
                    link));
        }
        return signals;
    }

    /**
     * Uptime Kuma's webhook notification: one heartbeat of one monitor. DOWN fires, UP resolves;
     * pending, maintenance and the test message (no heartbeat) say nothing about a channel. The
     * monitor's tags are its labels, and its name is the label {@code monitor}.
     */
    static List<AlertSignal> uptimeKuma(JsonNode body, Instant now) {
        JsonNode heartbeat = body.path("heartbeat");
        JsonNode monitor = body.path("monitor");
        if (!heartbeat.isObject() || !monitor.isObject()) {
            return List.of();
        }
        JsonNode status = heartbeat.path("status");
        if (!status.isIntegralNumber()) {
            throw new InvalidInputException("heartbeat.status", "validation.integration.status");
        }
        int code = status.asInt();
        if (code != 0 && code != 1) {
            return List.of();
        }
        Map<String, String> labels = new TreeMap<>();
        String name = text(monitor, "name", "monitor.name");
        if (name != null) {
            labels.put("monitor", name);
        }
        JsonNode tags = monitor.path("tags");
        if (tags.isArray()) {
            for (int i = 0; i < tags.size(); i++) {
                String tag = text(tags.get(i), "name", "monitor.tags[" + i + "].name");
                String value = text(tags.get(i), "value", "monitor.tags[" + i + "].value");
                if (tag != null && !tag.isBlank()) {
                    labels.put(tag, value == null ? "" : value);
                }
            }
        }
        checkLabels(labels, "monitor.tags");
        String id = monitor.path("id").isIntegralNumber()
                ? String.valueOf(monitor.path("id").asLong())
                : name;
        if (id == null) {
            throw new InvalidInputException("monitor.id", "validation.integration.payload");
        }
        String summary =
                first(text(heartbeat, "msg", "heartbeat.msg"), text(body, "msg", "msg"), name, "Uptime Kuma " + id);
        String time = text(heartbeat, "time", "heartbeat.time");
        Instant startsAt = now;
        if (time != null) {
            try {
                startsAt = LocalDateTime.parse(time, KUMA_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("heartbeat.time", "validation.integration.time");
            }
        }
        return List.of(new AlertSignal(
                "uptime-kuma",
                fingerprint("monitor-" + id, "monitor.id"),
                code == 0,
                labels,
                null,
                cut(summary),
                startsAt.isAfter(now) ? now : startsAt,
                link(text(monitor, "url", "monitor.url"))));
    }

    /**
     * The documented generic format: {@code {"id", "status": "firing"|"resolved", "channel", "state",
     * "summary", "startsAt"}}, optionally {@code "link"} and {@code "labels"}; one object or an array.
     */
    static List<AlertSignal> generic(JsonNode body, Instant now) {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            if (body.size() > MAX_ALERTS) {
                throw new InvalidInputException("alerts", "validation.integration.tooManyAlerts", MAX_ALERTS);
            }
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        List<AlertSignal> signals = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String prefix = body.isArray() ? "[" + i + "]." : "";
            if (!item.isObject()) {
                throw new InvalidInputException(prefix + "id", "validation.integration.payload");
            }
            String id = text(item, "id", prefix + "id");
            if (id == null || id.isBlank()) {
                throw new InvalidInputException(prefix + "id", "validation.required");
            }
            String status = text(item, "status", prefix + "status");
            if (!"firing".equals(status) && !"resolved".equals(status)) {
                throw new InvalidInputException(prefix + "status", "validation.integration.status");
            }
            Map<String, String> labels = labels(item.path("labels"), prefix + "labels");
            String channel = text(item, "channel", prefix + "channel");
            if (channel != null) {
                labels.put("channel", channel);
            }
            String summary = first(text(item, "summary", prefix + "summary"), id);
            signals.add(new AlertSignal(
                    "generic",
                    fingerprint(id, prefix + "id"),
                    "firing".equals(status),
                    labels,
                    text(item, "state", prefix + "state"),
                    cut(summary),
                    instant(text(item, "startsAt", prefix + "startsAt"), now, prefix + "startsAt"),
                    link(text(item, "link", prefix + "link"))));
        }
        return signals;
    }

    private static Map<String, String> labels(JsonNode node, String field) {
        Map<String, String> labels = new TreeMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return labels;
        }
        if (!node.isObject()) {
            throw new InvalidInputException(field, "validation.integration.payload");
        }
        for (Map.Entry<String, JsonNode> label : node.properties()) {
            if (!label.getValue().isString()) {
                throw new InvalidInputException(field + "." + label.getKey(), "validation.integration.payload");
            }
            labels.put(label.getKey(), label.getValue().asString());
        }
        checkLabels(labels, field);
        return labels;
    }

    private static void checkLabels(Map<String, String> labels, String field) {
        if (labels.size() > MAX_LABELS) {
            throw new InvalidInputException(field, "validation.integration.tooManyLabels", MAX_LABELS);
        }
        labels.forEach((name, value) -> {
            if (!InputText.acceptable(name) || !InputText.acceptable(value)) {
                throw new InvalidInputException(field, "validation.characters");
            }
            if (name.length() > 100 || value.length() > 200) {
                throw new InvalidInputException(field, "validation.tooLong");
            }
        });
    }

    /** A string field, or null when absent or null; a field of another type is refused. */
    private static String text(JsonNode node, String name, String field) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInputException(field, "validation.integration.payload");
        }
        String text = value.asString();
        if (!InputText.acceptable(text)) {
            throw new InvalidInputException(field, "validation.characters");
        }
        return text;
    }

    private static Instant instant(String text, Instant now, String field) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return now;
        }
        try {
            Instant at = OffsetDateTime.parse(text).toInstant();
            return at.isAfter(now) ? now : at;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "validation.integration.time");
        }
    }

    private static String fingerprint(String fingerprint, String field) {
        if (fingerprint.length() > MAX_FINGERPRINT) {
            throw new InvalidInputException(field, "validation.tooLong");
        }
        return fingerprint;
    }

    private static String labelsFingerprint(Map<String, String> labels) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            labels.forEach((k, v) -> sha.update((k + "\u0000" + v + "\u0000").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String link(String url) {
        if (url == null || url.length() > MAX_LINK) {
            return null;
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }

    private static String cut(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= MAX_SUMMARY ? trimmed : trimmed.substring(0, MAX_SUMMARY - 1) + "…";
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
