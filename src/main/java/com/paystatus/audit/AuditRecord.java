package com.paystatus.audit;

import java.time.Instant;

/** An audit log entry as pages and the API show it. */
public record AuditRecord(
        long id,
        Instant occurredAt,
        String actor,
        String address,
        String action,
        String target,
        AuditDetails details) {}
