package com.paystatus.integration;

import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.report.ReportReadModel;
import com.paystatus.shared.OperatorTexts;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens with time passing, every 15 seconds on one instance: proposals whose rule allows it
 * publish themselves once their alert has fired without a break for the rule's minutes (never while
 * the channel is in maintenance, and only with user reports when the rule asks for them); a notice
 * monitoring published resolves itself once its alerts have been quiet for the hold-down (a notice an
 * operator wrote never does); a proposal whose alerts went quiet before anyone published it is
 * dismissed after the hold-down. Open notices whose estimate has passed, or with no update for {@code
 * paystatus.integrations.stale-after}, remind operators once each ({@code notice_reminder}).
 */
@Service
public class IntegrationJobs {

    private final ProposalRepository proposals;
    private final Proposals service;
    private final IntegrationRules rules;
    private final ChannelService channels;
    private final NoticeService notices;
    private final ReportReadModel reports;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final IntegrationProperties properties;
    private final OperatorTexts texts;

    IntegrationJobs(
            ProposalRepository proposals,
            Proposals service,
            IntegrationRules rules,
            ChannelService channels,
            NoticeService notices,
            ReportReadModel reports,
            ApplicationEventPublisher events,
            JdbcTemplate jdbc,
            IntegrationProperties properties,
            OperatorTexts texts) {
        this.texts = texts;
        this.proposals = proposals;
        this.service = service;
        this.rules = rules;
        this.channels = channels;
        this.notices = notices;
        this.reports = reports;
        this.events = events;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** One pass; returns how many proposals it published, resolved or dismissed. */
    @Transactional
    public int run() {
        Instant now = service.now();
        int acted = 0;
        for (Proposal proposal : proposals.findByStatusOrderByIdDesc(Proposal.OPEN)) {
            RuleRecord rule = rules.find(proposal.getRuleId()).orElse(null);
            Duration holdDown =
                    Duration.ofMinutes(rule == null ? RuleDraft.DEFAULT_HOLD_DOWN_MINUTES : rule.holdDownMinutes());
            if (proposal.proposesOpening()) {
                if (proposal.quietFor(holdDown, now)) {
                    service.dismissAutomatically(proposal);
                    acted++;
                } else if (rule != null
                        && rule.autoPublish()
                        && proposal.firedFor(Duration.ofMinutes(rule.autoPublishMinutes()), now)
                        && channels.get(proposal.getChannelSlug()).state() != ChannelState.MAINTENANCE
                        && (!rule.requireReports()
                                || reports.of(proposal.getChannelSlug()).reports15m() > 0)) {
                    service.publishAutomatically(proposal);
                    acted++;
                }
            } else if (rule != null && rule.autoResolve() && proposal.quietFor(holdDown, now)) {
                NoticeRecord notice = notices.get(proposal.getNoticeId());
                if (!notice.isOpen()) {
                    service.dismissAutomatically(proposal);
                    acted++;
                } else if (Proposals.AUTOMATIC.equals(notice.createdBy())) {
                    service.publishAutomatically(proposal);
                    acted++;
                }
            }
        }
        remind(now);
        return acted;
    }

    private void remind(Instant now) {
        List<NoticeRecord> open = notices.openOrResolvedSince(now).stream()
                .filter(NoticeRecord::isOpen)
                .toList();
        for (NoticeRecord notice : open) {
            String channel = notice.channels().keySet().stream().findFirst().orElse(null);
            Instant eta = notice.estimatedRecoveryAt();
            if (eta != null && !eta.isAfter(now) && once(notice.id(), "estimate", eta, now)) {
                events.publishEvent(new IntegrationEvents.EstimatePassed(
                        notice.id(),
                        channel,
                        eta,
                        texts.text("operator.estimatePassed.title", notice.id()),
                        texts.text("operator.estimatePassed.text", notice.title())));
            }
            Instant last = notice.updates().isEmpty()
                    ? notice.createdAt()
                    : notice.updates().get(0).postedAt();
            Duration stale = properties.staleAfter();
            if (!last.plus(stale).isAfter(now) && once(notice.id(), "stale", last, now)) {
                long minutes = Duration.between(last, now).toMinutes();
                events.publishEvent(new IntegrationEvents.NoticeStale(
                        notice.id(),
                        channel,
                        last,
                        texts.text("operator.stale.title", notice.id(), minutes),
                        texts.text("operator.stale.text", notice.title(), minutes)));
            }
        }
    }

    /** Records the reminder; false when it was already given. */
    private boolean once(long noticeId, String kind, Instant about, Instant now) {
        Integer seen = jdbc.queryForObject(
                "select count(*) from notice_reminder where notice_id = ? and kind = ? and about = ?",
                Integer.class,
                noticeId,
                kind,
                Timestamp.from(about));
        if (seen != null && seen > 0) {
            return false;
        }
        jdbc.update(
                "insert into notice_reminder (notice_id, kind, about, sent_at) values (?, ?, ?, ?)",
                noticeId,
                kind,
                Timestamp.from(about),
                Timestamp.from(now));
        return true;
    }

    /** The reminders given for open notices, newest first: the dashboard shows them. */
    @Transactional(readOnly = true)
    public List<Reminder> reminders() {
        List<Long> open = notices.openOrResolvedSince(service.now()).stream()
                .filter(NoticeRecord::isOpen)
                .map(NoticeRecord::id)
                .toList();
        return jdbc
                .query(
                        "select notice_id, kind, about, sent_at from notice_reminder order by sent_at desc limit 200",
                        (rs, i) -> new Reminder(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getTimestamp(4).toInstant()))
                .stream()
                .filter(r -> open.contains(r.noticeId()))
                .toList();
    }

    /** A reminder given: {@code kind} is {@code estimate} (passed) or {@code stale} (no update). */
    public record Reminder(long noticeId, String kind, Instant about, Instant sentAt) {}

    @Component
    @ConditionalOnProperty(name = "paystatus.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final IntegrationJobs jobs;

        Schedule(IntegrationJobs jobs) {
            this.jobs = jobs;
        }

        @Scheduled(initialDelay = 15_000, fixedDelay = 15_000)
        @SchedulerLock(name = "integration-jobs", lockAtMostFor = "PT1M")
        void run() {
            jobs.run();
        }
    }
}
