package com.paystatus.integration;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The latest word of one alert (by source and fingerprint): the same alert sent again finds this row
 * unchanged and changes nothing. Without a channel it is unmatched, kept for the admins to see.
 */
@Entity
@Table(name = "integration_alert")
class ReceivedAlert {

    static final String FIRING = "firing";
    static final String RESOLVED = "resolved";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String source;
    private String fingerprint;
    private String status;
    private String labels;
    private String summary;
    private String link;
    private Instant startsAt;
    private String channelSlug;
    private String proposedState;
    private Long ruleId;
    private Long proposalId;
    private Long noticeId;
    private Instant receivedAt;
    private Instant changedAt;

    protected ReceivedAlert() {}

    ReceivedAlert(AlertSignal signal, String labelsJson, Instant now) {
        this.source = signal.source();
        this.fingerprint = signal.fingerprint();
        this.receivedAt = now;
        this.status = "";
        take(signal, labelsJson, now);
    }

    /** Whether the signal says something this row does not already say. */
    boolean differsFrom(AlertSignal signal) {
        return !status.equals(signal.firing() ? FIRING : RESOLVED) || !startsAt.equals(signal.startsAt());
    }

    void take(AlertSignal signal, String labelsJson, Instant now) {
        this.status = signal.firing() ? FIRING : RESOLVED;
        this.labels = labelsJson;
        this.summary = signal.summary();
        this.link = signal.link();
        this.startsAt = signal.startsAt();
        this.changedAt = now;
    }

    void about(String channelSlug, String proposedState, Long ruleId) {
        this.channelSlug = channelSlug;
        this.proposedState = proposedState;
        this.ruleId = ruleId;
    }

    void behind(Long proposalId, Long noticeId) {
        this.proposalId = proposalId;
        this.noticeId = noticeId;
    }

    boolean isFiring() {
        return FIRING.equals(status);
    }

    String getSource() {
        return source;
    }

    String getFingerprint() {
        return fingerprint;
    }

    String getSummary() {
        return summary;
    }

    String getLink() {
        return link;
    }

    Instant getStartsAt() {
        return startsAt;
    }

    String getChannelSlug() {
        return channelSlug;
    }

    String getProposedState() {
        return proposedState;
    }

    Long getRuleId() {
        return ruleId;
    }

    Long getProposalId() {
        return proposalId;
    }

    Long getNoticeId() {
        return noticeId;
    }

    AlertRecord toRecord() {
        return new AlertRecord(
                source,
                fingerprint,
                status,
                labels,
                summary,
                link,
                startsAt,
                channelSlug,
                proposedState,
                proposalId,
                noticeId,
                changedAt);
    }
}
