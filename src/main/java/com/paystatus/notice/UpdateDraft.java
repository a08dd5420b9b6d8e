package com.paystatus.notice;

import java.time.Instant;

/**
 * An update to a notice as an operator submits it.
 *
 * @param status a {@link NoticeStatus} code
 * @param estimatedRecoveryAt the revised estimate, null when unknown
 * @param expectedVersion the version the operator saw, or null to skip the check
 */
public record UpdateDraft(String status, String message, Instant estimatedRecoveryAt, Long expectedVersion) {}
