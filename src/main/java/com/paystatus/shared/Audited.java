package com.paystatus.shared;

/**
 * A change worth recording in the audit log, published by the service that made it inside its
 * transaction; the {@code audit} feature writes the row in that same transaction, adding when and from
 * which address. {@code actor} may be null for "whoever is signed in" (or the system, for scheduled work).
 *
 * @param action a stable dotted name, such as {@code notice.update} or {@code user.disable}
 * @param target what changed, such as {@code notice/42} or {@code user/alice}
 * @param details what changed from what to what, in plain words (field: before → after)
 */
public record Audited(String actor, String action, String target, String details) {

    public static Audited of(String action, String target, String details) {
        return new Audited(null, action, target, details);
    }

    /** The non-blank parts, joined with "; ". */
    public static String details(String... parts) {
        return java.util.Arrays.stream(parts)
                .filter(p -> p != null && !p.isBlank())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** "field: before → after", or "" when nothing changed. */
    public static String change(String field, Object before, Object after) {
        if (java.util.Objects.equals(before, after)) {
            return "";
        }
        return field + ": " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after);
    }
}
