package com.paystatus.integration;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.NoticeTemplateRecord;
import com.paystatus.notice.NoticeTemplateService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.shared.ConflictException;
import com.paystatus.shared.NotFoundException;
import com.paystatus.shared.OperatorTexts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals, listed with their evidence, and turned into notices (or resolutions) or dismissed, by an
 * operator or, when its rule says so, by {@link IntegrationJobs}. The notice is prefilled from the
 * rule's template or from the channel and the alert; an operator may change any of it first. A notice
 * published without an operator says so in its message and is posted by {@value #AUTOMATIC}.
 */
@Service
public class Proposals {

    /** The actor of what monitoring publishes by itself, in the notice's timeline and the audit log. */
    public static final String AUTOMATIC = "monitoring:auto";

    private final ProposalRepository proposals;
    private final ReceivedAlertRepository alerts;
    private final IntegrationRules rules;
    private final NoticeService notices;
    private final NoticeTemplateService templates;
    private final ChannelService channels;
    private final OperatorTexts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Proposals(
            ProposalRepository proposals,
            ReceivedAlertRepository alerts,
            IntegrationRules rules,
            NoticeService notices,
            NoticeTemplateService templates,
            ChannelService channels,
            OperatorTexts texts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.proposals = proposals;
        this.alerts = alerts;
        this.rules = rules;
        this.notices = notices;
        this.templates = templates;
        this.channels = channels;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    /** Open proposals first (newest first), then the latest decided ones. */
    @Transactional(readOnly = true)
    public List<ProposalRecord> recent() {
        List<ProposalRecord> open = open();
        List<ProposalRecord> decided = proposals.findTop100ByOrderByIdDesc().stream()
                .filter(p -> !p.isOpen())
                .map(this::record)
                .toList();
        return java.util.stream.Stream.concat(open.stream(), decided.stream()).toList();
    }

    @Transactional(readOnly = true)
    public List<ProposalRecord> open() {
        return proposals.findByStatusOrderByIdDesc(Proposal.OPEN).stream()
                .map(this::record)
                .toList();
    }

    @Transactional(readOnly = true)
    public ProposalRecord get(long id) {
        return record(find(id));
    }

    @Transactional(readOnly = true)
    public List<AlertRecord> unmatchedAlerts() {
        return alerts.findTop200ByChannelSlugIsNullOrderByChangedAtDesc().stream()
                .map(ReceivedAlert::toRecord)
                .toList();
    }

    /** The notice as it would be posted: what the publish form shows, prefilled. */
    @Transactional(readOnly = true)
    public NoticeDraft prefilled(long id) {
        return draft(find(id), PublishDraft.AS_PROPOSED, false);
    }

    @Transactional
    public NoticeRecord publish(long id, PublishDraft edits, String actor) {
        return publish(find(id), edits, actor, false);
    }

    @Transactional
    public ProposalRecord dismiss(long id, String actor) {
        Proposal proposal = find(id);
        requireOpen(proposal);
        proposal.dismissed(clock.instant(), actor);
        ProposalRecord dismissed = record(proposal);
        events.publishEvent(new IntegrationEvents.ProposalDismissed(dismissed, actor));
        return dismissed;
    }

    NoticeRecord publishAutomatically(Proposal proposal) {
        return publish(proposal, PublishDraft.AS_PROPOSED, AUTOMATIC, true);
    }

    void dismissAutomatically(Proposal proposal) {
        proposal.dismissed(clock.instant(), AUTOMATIC);
        events.publishEvent(new IntegrationEvents.ProposalDismissed(record(proposal), AUTOMATIC));
    }

    private NoticeRecord publish(Proposal proposal, PublishDraft edits, String actor, boolean automatic) {
        requireOpen(proposal);
        NoticeRecord notice;
        if (proposal.proposesOpening()) {
            notice = notices.post(draft(proposal, edits, automatic), actor);
            alerts.findByProposalId(proposal.getId()).forEach(a -> a.behind(proposal.getId(), notice.id()));
        } else {
            String message = edits.message() != null && !edits.message().isBlank()
                    ? edits.message()
                    : zh("integration.resolved.message") + (automatic ? zh("integration.automatic.suffix") : "");
            notice =
                    notices.postUpdate(proposal.getNoticeId(), new UpdateDraft("resolved", message, null, null), actor);
        }
        proposal.published(notice.id(), clock.instant(), actor);
        events.publishEvent(new IntegrationEvents.ProposalPublished(record(proposal), notice.id(), automatic, actor));
        return notice;
    }

    private NoticeDraft draft(Proposal proposal, PublishDraft edits, boolean automatic) {
        ChannelRecord channel = channels.get(proposal.getChannelSlug());
        NoticeTemplateRecord template = rules.find(proposal.getRuleId())
                .map(RuleRecord::templateId)
                .flatMap(t -> templates.all().stream().filter(r -> r.id() == t).findFirst())
                .orElse(null);
        String state = edits.state() != null ? edits.state() : proposal.getProposedState();
        String title = edits.title() != null
                ? edits.title()
                : template != null
                        ? template.title()
                        : channel.nameZh() + zh("channel.state." + proposal.getProposedState());
        String message = edits.message() != null
                ? edits.message()
                : template != null ? template.message() : zh("integration.proposal.message");
        if (automatic) {
            message = message + zh("integration.automatic.suffix");
        }
        String kind = edits.kind() != null
                ? edits.kind()
                : template != null ? template.kind().code() : "fault";
        Estimate estimate = edits.estimatedRecoveryAt() != null ? edits.estimatedRecoveryAt() : Estimate.UNKNOWN;
        return new NoticeDraft(title, kind, message, Map.of(channel.slug(), state), "investigating", estimate);
    }

    private String zh(String key) {
        return texts.text(key);
    }

    private static void requireOpen(Proposal proposal) {
        if (!proposal.isOpen()) {
            throw new ConflictException("error.integration.proposalDecided", proposal.getId());
        }
    }

    private Proposal find(long id) {
        return proposals
                .findById(id)
                .orElseThrow(() -> new NotFoundException("error.integration.proposalNotFound", id));
    }

    private ProposalRecord record(Proposal proposal) {
        return proposal.toRecord(
                alerts.countByProposalId(proposal.getId()),
                alerts.countByProposalIdAndStatus(proposal.getId(), ReceivedAlert.FIRING));
    }

    Instant now() {
        return clock.instant();
    }
}
