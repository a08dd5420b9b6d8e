package com.paystatus.audit;

/**
 * A domain event the audit log records. Features publish their events inside the transaction that made
 * the change; {@link AuditLog} listens for this one type, so a feature's new event is audited by
 * implementing it, and the change and its row commit or roll back together.
 */
public interface Auditable {

    Audited audited();
}
