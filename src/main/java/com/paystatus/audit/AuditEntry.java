package com.paystatus.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.function.Function;

/** One row of the audit log. Written once; the app has no way to change or delete it. */
@Entity
@Table(name = "audit_event")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;
    private String actor;
    private String address;
    private String action;
    private String target;
    private String details;

    protected AuditEntry() {}

    AuditEntry(Instant occurredAt, String actor, String address, String action, String target, String details) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.address = address;
        this.action = action;
        this.target = target;
        this.details = details;
    }

    /** @param parse reads the stored JSON details */
    AuditRecord toRecord(Function<String, AuditDetails> parse) {
        return new AuditRecord(id, occurredAt, actor, address, action, target, parse.apply(details));
    }
}
