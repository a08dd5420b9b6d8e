package com.paystatus.integration;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A notice the monitoring proposes: to open one ({@code open}) or to resolve the one it names ({@code
 * resolve}). It stays one proposal while its alerts flap: firing again restarts the continuous firing
 * time and clears the quiet time, going quiet does the opposite.
 */
@Entity
@Table(name = "proposal")
class Proposal {

    static final String OPEN = "open";
    static final String RESOLVE = "resolve";
    static final String PUBLISHED = "published";
    static final String DISMISSED = "dismissed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String action;
    private String channelSlug;
    private String proposedState;
    private String status;
    private String summary;
    private String link;
    private Long ruleId;
    private Long noticeId;
    private Instant firingSince;
    private Instant quietSince;
    private Instant alertSince;
    private Instant createdAt;
    private Instant decidedAt;
    private String decidedBy;

    @Version
    private long version;

    protected Proposal() {}

    private Proposal(
            String action, String channelSlug, String proposedState, ReceivedAlert alert, Long noticeId, Instant now) {
        this.action = action;
        this.channelSlug = channelSlug;
        this.proposedState = proposedState;
        this.status = OPEN;
        this.summary = alert.getSummary();
        this.link = alert.getLink();
        this.ruleId = alert.getRuleId();
        this.noticeId = noticeId;
        this.alertSince = alert.getStartsAt();
        this.createdAt = now;
        if (OPEN.equals(action)) {
            this.firingSince = now;
        } else {
            this.quietSince = now;
        }
    }

    static Proposal toOpen(ReceivedAlert alert, Instant now) {
        return new Proposal(OPEN, alert.getChannelSlug(), alert.getProposedState(), alert, null, now);
    }

    static Proposal toResolve(ReceivedAlert alert, long noticeId, Instant now) {
        return new Proposal(RESOLVE, alert.getChannelSlug(), "available", alert, noticeId, now);
    }

    /** An alert behind it fires (again): the continuous firing starts now unless it already runs. */
    void firing(Instant now) {
        if (firingSince == null) {
            firingSince = now;
        }
        quietSince = null;
    }

    /** Nothing behind it fires any more: the hold-down starts now unless it already runs. */
    void quiet(Instant now) {
        if (quietSince == null) {
            quietSince = now;
        }
        firingSince = null;
    }

    boolean firedFor(Duration duration, Instant now) {
        return firingSince != null && !firingSince.plus(duration).isAfter(now);
    }

    boolean quietFor(Duration duration, Instant now) {
        return quietSince != null && !quietSince.plus(duration).isAfter(now);
    }

    void published(long noticeId, Instant now, String actor) {
        this.status = PUBLISHED;
        this.noticeId = noticeId;
        this.decidedAt = now;
        this.decidedBy = actor;
    }

    void dismissed(Instant now, String actor) {
        this.status = DISMISSED;
        this.decidedAt = now;
        this.decidedBy = actor;
    }

    boolean isOpen() {
        return OPEN.equals(status);
    }

    boolean proposesOpening() {
        return OPEN.equals(action);
    }

    Long getId() {
        return id;
    }

    String getStatus() {
        return status;
    }

    String getChannelSlug() {
        return channelSlug;
    }

    String getProposedState() {
        return proposedState;
    }

    String getSummary() {
        return summary;
    }

    Long getRuleId() {
        return ruleId;
    }

    Long getNoticeId() {
        return noticeId;
    }

    ProposalRecord toRecord(long alerts, long firingAlerts) {
        return new ProposalRecord(
                id,
                action,
                channelSlug,
                proposedState,
                status,
                summary,
                link,
                ruleId,
                noticeId,
                alertSince,
                firingSince,
                quietSince,
                createdAt,
                decidedAt,
                decidedBy,
                alerts,
                firingAlerts);
    }
}
