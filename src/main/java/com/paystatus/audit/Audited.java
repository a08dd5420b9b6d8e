package com.paystatus.audit;

/**
 * What the audit log stores about one event, adding when and from which address. Domain events describe
 * themselves with it; events that are only ever audited, such as sign-ins, are published as it directly.
 *
 * @param actor who did it; null for "whoever is signed in" (or the system, for scheduled work)
 * @param action a stable dotted name, such as {@code notice.update} or {@code user.disable}
 * @param target what changed, such as {@code notice/42} or {@code user/alice}
 */
public record Audited(String actor, String action, String target, AuditDetails details) implements Auditable {

    public Audited {
        details = details == null ? AuditDetails.none() : details;
    }

    public static Audited of(String action, String target, AuditDetails details) {
        return new Audited(null, action, target, details);
    }

    @Override
    public Audited audited() {
        return this;
    }
}
