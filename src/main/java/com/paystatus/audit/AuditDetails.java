package com.paystatus.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The structured part of an audit entry, stored as JSON: what changed from what to what, and free text
 * where there is no before and after (a message, a reason). Built with {@link #none()} and the
 * {@code with...} methods, which return a new value.
 *
 * @param changes each changed field, in order; {@code before} is null for a value set for the first time
 * @param notes labelled free text, in order
 */
public record AuditDetails(List<Change> changes, Map<String, String> notes) {

    public record Change(String field, String before, String after) {}

    public AuditDetails {
        changes = changes == null ? List.of() : List.copyOf(changes);
        notes = notes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    public static AuditDetails none() {
        return new AuditDetails(List.of(), Map.of());
    }

    /** Adds the change, unless {@code before} and {@code after} are equal. */
    public AuditDetails withChange(String field, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return this;
        }
        List<Change> more = new ArrayList<>(changes);
        more.add(new Change(field, text(before), text(after)));
        return new AuditDetails(more, notes);
    }

    /** A value set for the first time, as when something is created. */
    public AuditDetails withValue(String field, Object value) {
        return withChange(field, null, value);
    }

    /** Adds the labelled text, unless it is blank. */
    public AuditDetails withNote(String label, Object text) {
        String value = text(text);
        if (value == null || value.isBlank()) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(notes);
        more.put(label, value);
        return new AuditDetails(changes, more);
    }

    /** The same details with every text passed through {@code clip}: to keep a row within its column. */
    AuditDetails map(UnaryOperator<String> clip) {
        Map<String, String> clipped = new LinkedHashMap<>();
        notes.forEach((label, text) -> clipped.put(label, clip.apply(text)));
        return new AuditDetails(
                changes.stream()
                        .map(c -> new Change(c.field(), clip.apply(c.before()), clip.apply(c.after())))
                        .toList(),
                clipped);
    }

    /** "field: before → after; label: text", for the audit page. */
    public String readable() {
        return Stream.concat(
                        changes.stream().map(c -> c.field() + ": " + orDash(c.before()) + " → " + orDash(c.after())),
                        notes.entrySet().stream().map(n -> n.getKey() + ": " + n.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String orDash(String text) {
        return text == null ? "—" : text;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
