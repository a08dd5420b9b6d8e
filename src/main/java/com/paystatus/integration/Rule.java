package com.paystatus.integration;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Label matchers and what an alert that matches them proposes; see {@link RuleRecord}. */
@Entity
@Table(name = "integration_rule")
class Rule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String matchers;
    private String channelSlug;
    private String proposedState;
    private Long templateId;
    private boolean autoPublish;
    private int autoPublishMinutes;
    private boolean requireReports;
    private boolean autoResolve;
    private int holdDownMinutes;
    private Instant createdAt;
    private String createdBy;

    protected Rule() {}

    Rule(String matchersJson, RuleDraft draft, Instant now, String actor) {
        this.createdAt = now;
        this.createdBy = actor;
        change(matchersJson, draft);
    }

    void change(String matchersJson, RuleDraft draft) {
        this.name = draft.name().trim();
        this.matchers = matchersJson;
        this.channelSlug = draft.channel();
        this.proposedState = draft.state();
        this.templateId = draft.templateId();
        this.autoPublish = Boolean.TRUE.equals(draft.autoPublish());
        this.autoPublishMinutes = draft.autoPublishMinutes() == null
                ? RuleDraft.DEFAULT_AUTO_PUBLISH_MINUTES
                : draft.autoPublishMinutes();
        this.requireReports = Boolean.TRUE.equals(draft.requireReports());
        this.autoResolve = Boolean.TRUE.equals(draft.autoResolve());
        this.holdDownMinutes =
                draft.holdDownMinutes() == null ? RuleDraft.DEFAULT_HOLD_DOWN_MINUTES : draft.holdDownMinutes();
    }

    Long getId() {
        return id;
    }

    String getMatchers() {
        return matchers;
    }

    RuleRecord toRecord(java.util.Map<String, String> parsedMatchers) {
        return new RuleRecord(
                id,
                name,
                parsedMatchers,
                channelSlug,
                proposedState,
                templateId,
                autoPublish,
                autoPublishMinutes,
                requireReports,
                autoResolve,
                holdDownMinutes);
    }
}
