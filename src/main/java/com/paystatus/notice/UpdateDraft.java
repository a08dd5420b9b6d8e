package com.paystatus.notice;

/**
 * An update to a notice as an operator submits it.
 *
 * @param status a {@link NoticeStatus} code
 * @param estimatedRecoveryAt the revised estimate; null when not said, which an open status refuses
 * @param expectedVersion the version the operator saw, or null to skip the check
 */
public record UpdateDraft(String status, String message, Estimate estimatedRecoveryAt, Long expectedVersion) {}
