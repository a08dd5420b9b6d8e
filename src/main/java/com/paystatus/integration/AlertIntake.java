package com.paystatus.integration;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeService;
import com.paystatus.shared.Coded;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.OperatorTexts;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a batch of alerts in one transaction, all or nothing. An alert seen before with the same
 * status changes nothing. A firing alert joins the open proposal for its channel, or the open notice
 * that already covers the channel, or opens a new proposal; a resolved one starts the quiet time of
 * its proposal, and once the notice it led to has no firing alert left, proposes resolving it.
 */
@Service
class AlertIntake {

    private final ReceivedAlertRepository alerts;
    private final ProposalRepository proposals;
    private final IntegrationRules rules;
    private final ChannelService channels;
    private final NoticeService notices;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final OperatorTexts texts;
    private final Clock clock;

    AlertIntake(
            ReceivedAlertRepository alerts,
            ProposalRepository proposals,
            IntegrationRules rules,
            ChannelService channels,
            NoticeService notices,
            ApplicationEventPublisher events,
            JsonMapper json,
            OperatorTexts texts,
            Clock clock) {
        this.texts = texts;
        this.alerts = alerts;
        this.proposals = proposals;
        this.rules = rules;
        this.channels = channels;
        this.notices = notices;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** What a batch did: how many alerts it carried, changed, left as they were, and found no channel for. */
    record Outcome(int received, int changed, int unchanged, int unmatched) {}

    @Transactional
    public Outcome receive(List<AlertSignal> batch) {
        for (int i = 0; i < batch.size(); i++) {
            String state = batch.get(i).state();
            Optional<ChannelState> parsed = Coded.fromCode(ChannelState.class, state);
            if (state != null && (parsed.isEmpty() || !IntegrationRules.PROPOSABLE.contains(parsed.get()))) {
                throw new InvalidInputException(
                        batch.size() == 1 ? "state" : "[" + i + "].state", "validation.integration.state", state);
            }
        }
        Instant now = clock.instant();
        List<RuleRecord> ruleList = rules.all();
        Map<String, ChannelRecord> bySlug =
                channels.all().stream().collect(Collectors.toMap(ChannelRecord::slug, c -> c));
        Set<String> slugs = bySlug.keySet();
        Map<String, Proposal> openByChannel = new HashMap<>();
        int changed = 0;
        int unchanged = 0;
        int unmatched = 0;
        Map<String, ReceivedAlert> known = known(batch);
        for (AlertSignal signal : batch) {
            ReceivedAlert seen = known.get(signal.source() + "\u0000" + signal.fingerprint());
            if (seen != null && !seen.differsFrom(signal)) {
                unchanged++;
                continue;
            }
            changed++;
            String labels = json.writeValueAsString(signal.labels());
            ReceivedAlert alert = seen != null ? seen : new ReceivedAlert(signal, labels, now);
            alert.take(signal, labels, now);
            known.put(signal.source() + "\u0000" + signal.fingerprint(), alert);
            Optional<IntegrationRules.Match> match = IntegrationRules.match(signal, ruleList, slugs);
            if (match.isEmpty()) {
                alert.about(null, null, null);
                alerts.save(alert);
                unmatched++;
                continue;
            }
            IntegrationRules.Match about = match.get();
            alert.about(
                    about.channel(),
                    about.state(),
                    about.rule() == null ? null : about.rule().id());
            alerts.save(alert);
            if (signal.firing()) {
                firing(alert, bySlug.get(about.channel()), openByChannel, now);
            } else {
                resolved(alert, now);
            }
        }
        return new Outcome(batch.size(), changed, unchanged, unmatched);
    }

    /** The batch's alerts seen before, read in a few queries rather than one per alert. */
    private Map<String, ReceivedAlert> known(List<AlertSignal> batch) {
        Map<String, ReceivedAlert> known = new HashMap<>();
        Map<String, List<String>> bySource = batch.stream()
                .collect(Collectors.groupingBy(
                        AlertSignal::source, Collectors.mapping(AlertSignal::fingerprint, Collectors.toList())));
        bySource.forEach((source, fingerprints) -> {
            List<String> distinct = fingerprints.stream().distinct().toList();
            for (int from = 0; from < distinct.size(); from += 500) {
                alerts.findBySourceAndFingerprintIn(
                                source, distinct.subList(from, Math.min(distinct.size(), from + 500)))
                        .forEach(a -> known.put(a.getSource() + "\u0000" + a.getFingerprint(), a));
            }
        });
        return known;
    }

    private void firing(ReceivedAlert alert, ChannelRecord channel, Map<String, Proposal> openByChannel, Instant now) {
        Long noticeId = coveringNotice(alert, channel);
        if (noticeId != null) {
            // an open notice already says so; if resolving it was proposed, the alert flapped: the hold-down restarts
            alert.behind(alert.getProposalId(), noticeId);
            proposals
                    .findFirstByStatusAndActionAndNoticeId(Proposal.OPEN, Proposal.RESOLVE, noticeId)
                    .ifPresent(p -> p.firing(now));
            return;
        }
        Proposal open = openByChannel.computeIfAbsent(
                channel.slug(),
                slug -> proposals
                        .findFirstByStatusAndActionAndChannelSlugOrderByIdDesc(Proposal.OPEN, Proposal.OPEN, slug)
                        .orElse(null));
        if (open != null) {
            open.firing(now);
            alert.behind(open.getId(), null);
            return;
        }
        Proposal created = proposals.saveAndFlush(Proposal.toOpen(alert, now));
        openByChannel.put(channel.slug(), created);
        alert.behind(created.getId(), null);
        events.publishEvent(opened(created.toRecord(1, 1)));
    }

    /** The open notice the alert belongs to: the one its proposal led to, or one holding its channel. */
    private Long coveringNotice(ReceivedAlert alert, ChannelRecord channel) {
        if (alert.getNoticeId() != null && notices.get(alert.getNoticeId()).isOpen()) {
            return alert.getNoticeId();
        }
        if (alert.getProposalId() != null) {
            Proposal proposal = proposals.findById(alert.getProposalId()).orElse(null);
            if (proposal != null
                    && Proposal.PUBLISHED.equals(proposal.getStatus())
                    && proposal.getNoticeId() != null
                    && notices.get(proposal.getNoticeId()).isOpen()) {
                return proposal.getNoticeId();
            }
        }
        List<Long> held = channel.heldByNotices();
        return held.isEmpty() ? null : held.get(0);
    }

    private void resolved(ReceivedAlert alert, Instant now) {
        if (alert.getProposalId() != null) {
            Proposal proposal = proposals.findById(alert.getProposalId()).orElseThrow();
            if (proposal.isOpen()) {
                if (alerts.countByProposalIdAndStatus(proposal.getId(), ReceivedAlert.FIRING) == 0) {
                    proposal.quiet(now);
                }
                return;
            }
            if (proposal.getNoticeId() != null && alert.getNoticeId() == null) {
                alert.behind(proposal.getId(), proposal.getNoticeId());
            }
        }
        Long noticeId = alert.getNoticeId();
        if (noticeId == null
                || !notices.get(noticeId).isOpen()
                || alerts.countByNoticeIdAndStatus(noticeId, ReceivedAlert.FIRING) > 0) {
            return;
        }
        Optional<Proposal> pending =
                proposals.findFirstByStatusAndActionAndNoticeId(Proposal.OPEN, Proposal.RESOLVE, noticeId);
        if (pending.isPresent()) {
            pending.get().quiet(now);
            return;
        }
        Proposal created = proposals.saveAndFlush(Proposal.toResolve(alert, noticeId, now));
        events.publishEvent(opened(created.toRecord(1, 0)));
    }

    /** Tells the operators that a proposal waits for them, in their language. */
    private IntegrationEvents.ProposalOpened opened(ProposalRecord proposal) {
        String title = proposal.proposesResolving()
                ? texts.text("operator.proposal.resolve", proposal.noticeId())
                : texts.text(
                        "operator.proposal.open", proposal.channel(), texts.text("channel.state." + proposal.state()));
        String text = proposal.summary() + (proposal.link() == null ? "" : "\n" + proposal.link());
        return new IntegrationEvents.ProposalOpened(proposal, title, text);
    }
}
