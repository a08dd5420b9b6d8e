package com.paystatus.integration;

import com.paystatus.notice.NoticeRecord;
import com.paystatus.shared.ApiTimes;
import com.paystatus.shared.PayStatusProperties;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of the integrations: rules, unmatched alerts, and the proposals operators publish or
 * dismiss.
 */
@RestController
class IntegrationApiController {

    private final IntegrationRules rules;
    private final Proposals proposals;
    private final RecoveryStatistics recoveries;
    private final ZoneId zone;

    IntegrationApiController(
            IntegrationRules rules,
            Proposals proposals,
            RecoveryStatistics recoveries,
            PayStatusProperties properties) {
        this.recoveries = recoveries;
        this.rules = rules;
        this.proposals = proposals;
        this.zone = properties.zone();
    }

    record EvidenceJson(
            String summary,
            String since,
            String link,
            long alerts,
            long firingAlerts,
            String firingSince,
            String quietSince) {}

    record ProposalJson(
            long id,
            String action,
            String channel,
            String state,
            String status,
            Long ruleId,
            Long noticeId,
            EvidenceJson evidence,
            String createdAt,
            String decidedAt,
            String decidedBy) {}

    record AlertJson(
            String source,
            String fingerprint,
            String status,
            String labels,
            String summary,
            String link,
            String startsAt,
            String changedAt) {}

    record PublishedJson(ProposalJson proposal, long noticeId, String url) {}

    @GetMapping("/api/admin/integrations/rules")
    List<RuleRecord> rules() {
        return rules.all();
    }

    @PostMapping("/api/admin/integrations/rules")
    ResponseEntity<RuleRecord> create(@Valid @RequestBody RuleDraft body, Principal actor) {
        RuleRecord created = rules.save(null, body, actor.getName());
        return ResponseEntity.created(URI.create("/api/admin/integrations/rules/" + created.id()))
                .body(created);
    }

    @PutMapping("/api/admin/integrations/rules/{id}")
    RuleRecord update(@PathVariable long id, @Valid @RequestBody RuleDraft body, Principal actor) {
        return rules.save(id, body, actor.getName());
    }

    @DeleteMapping("/api/admin/integrations/rules/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Alerts no rule and no {@code channel} label placed: what the admins may want a rule for. */
    @GetMapping("/api/admin/integrations/unmatched")
    List<AlertJson> unmatched() {
        return proposals.unmatchedAlerts().stream()
                .map(a -> new AlertJson(
                        a.source(),
                        a.fingerprint(),
                        a.status(),
                        a.labels(),
                        a.summary(),
                        a.link(),
                        ApiTimes.format(a.startsAt(), zone),
                        ApiTimes.format(a.changedAt(), zone)))
                .toList();
    }

    /** Per channel and notice kind: median and 80th-percentile recovery, and how often the first estimate held. */
    @GetMapping("/api/admin/integrations/recoveries")
    List<RecoveryStatistics.Figures> recoveries() {
        return recoveries.all();
    }

    @GetMapping("/api/admin/proposals")
    List<ProposalJson> proposals() {
        return proposals.recent().stream().map(this::json).toList();
    }

    @GetMapping("/api/admin/proposals/{id}")
    ProposalJson proposal(@PathVariable long id) {
        return json(proposals.get(id));
    }

    /** Publishes the proposal as a notice (or resolves its notice); a body may change the prefilled notice. */
    @PostMapping("/api/admin/proposals/{id}/publish")
    ResponseEntity<PublishedJson> publish(
            @PathVariable long id, @Valid @RequestBody(required = false) PublishDraft body, Principal actor) {
        NoticeRecord notice = proposals.publish(id, body == null ? PublishDraft.AS_PROPOSED : body, actor.getName());
        return ResponseEntity.ok(new PublishedJson(json(proposals.get(id)), notice.id(), "/notices/" + notice.id()));
    }

    @PostMapping("/api/admin/proposals/{id}/dismiss")
    ProposalJson dismiss(@PathVariable long id, Principal actor) {
        return json(proposals.dismiss(id, actor.getName()));
    }

    private ProposalJson json(ProposalRecord p) {
        return new ProposalJson(
                p.id(),
                p.action(),
                p.channel(),
                p.state(),
                p.status(),
                p.ruleId(),
                p.noticeId(),
                new EvidenceJson(
                        p.summary(),
                        ApiTimes.format(p.alertSince(), zone),
                        p.link(),
                        p.alerts(),
                        p.firingAlerts(),
                        ApiTimes.format(p.firingSince(), zone),
                        ApiTimes.format(p.quietSince(), zone)),
                ApiTimes.format(p.createdAt(), zone),
                ApiTimes.format(p.decidedAt(), zone),
                p.decidedBy());
    }
}
