package com.paystatus.integration;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.OperatorAlert;
import java.time.Instant;

/**
 * What the integrations feature publishes: rule changes and proposal decisions for the audit log, and
 * {@link OperatorAlert}s (a proposal opened, an estimate passed, a notice gone quiet) for the
 * operators' robots and webhooks. None changes what the public sees by itself; a published proposal
 * does so through the notice it posts.
 */
public final class IntegrationEvents {

    private IntegrationEvents() {}

    public record RuleSaved(RuleRecord rule, boolean created) implements Auditable {
        @Override
        public Audited audited() {
            return Audited.of(
                    created ? "integration.rule.create" : "integration.rule.update",
                    "integration-rule/" + rule.id(),
                    AuditDetails.none()
                            .withValue("name", rule.name())
                            .withValue("matchers", rule.matchers().toString())
                            .withValue("channel", rule.channel())
                            .withValue("state", rule.state())
                            .withValue("autoPublish", rule.autoPublish())
                            .withValue("autoResolve", rule.autoResolve()));
        }
    }

    public record RuleDeleted(RuleRecord rule) implements Auditable {
        @Override
        public Audited audited() {
            return Audited.of(
                    "integration.rule.delete",
                    "integration-rule/" + rule.id(),
                    AuditDetails.none().withValue("name", rule.name()));
        }
    }

    /** Monitoring proposes a notice, or resolving one: operators should look now. */
    public record ProposalOpened(ProposalRecord proposal) implements OperatorAlert, Auditable {
        @Override
        public String alertKind() {
            return "proposal.opened";
        }

        @Override
        public String alertChannelSlug() {
            return proposal.channel();
        }

        @Override
        public String alertTitle() {
            return proposal.proposesResolving()
                    ? "监控显示已恢复，建议解除公告 #" + proposal.noticeId()
                    : "监控告警，建议发布公告：" + proposal.channel() + " " + proposal.state();
        }

        @Override
        public String alertText() {
            return proposal.summary() + (proposal.link() == null ? "" : "\n" + proposal.link());
        }

        @Override
        public String alertPath() {
            return "/admin/proposals";
        }

        @Override
        public Audited audited() {
            return new Audited(
                    "monitoring",
                    "proposal.open",
                    "proposal/" + proposal.id(),
                    AuditDetails.none()
                            .withValue("action", proposal.action())
                            .withValue("channel", proposal.channel())
                            .withValue("state", proposal.state())
                            .withNote("summary", proposal.summary()));
        }
    }

    /** A proposal became a notice or an update; {@code automatic} when no operator clicked. */
    public record ProposalPublished(ProposalRecord proposal, long noticeId, boolean automatic, String actor)
            implements Auditable {
        @Override
        public Audited audited() {
            return new Audited(
                    actor,
                    automatic ? "proposal.autoPublish" : "proposal.publish",
                    "proposal/" + proposal.id(),
                    AuditDetails.none()
                            .withValue("notice", noticeId)
                            .withValue("action", proposal.action())
                            .withValue("automatic", automatic));
        }
    }

    public record ProposalDismissed(ProposalRecord proposal, String actor) implements Auditable {
        @Override
        public Audited audited() {
            return new Audited(actor, "proposal.dismiss", "proposal/" + proposal.id(), AuditDetails.none());
        }
    }

    /** An open notice's estimated recovery time passed without an update. */
    public record EstimatePassed(long noticeId, String title, String channelSlug, Instant estimate)
            implements OperatorAlert {
        @Override
        public String alertKind() {
            return "notice.estimatePassed";
        }

        @Override
        public String alertChannelSlug() {
            return channelSlug;
        }

        @Override
        public String alertTitle() {
            return "公告 #" + noticeId + " 已超过预计恢复时间";
        }

        @Override
        public String alertText() {
            return "「" + title + "」的预计恢复时间已过，公开页面已改为「已超过预计恢复时间，我们会尽快更新」。请更新进展或修改预计时间。";
        }

        @Override
        public String alertPath() {
            return "/admin/notices/" + noticeId;
        }
    }

    /** An open notice has had no update for the set time. */
    public record NoticeStale(long noticeId, String title, String channelSlug, Instant lastUpdate, long minutes)
            implements OperatorAlert {
        @Override
        public String alertKind() {
            return "notice.stale";
        }

        @Override
        public String alertChannelSlug() {
            return channelSlug;
        }

        @Override
        public String alertTitle() {
            return "公告 #" + noticeId + " 已 " + minutes + " 分钟没有更新";
        }

        @Override
        public String alertText() {
            return "「" + title + "」最近一次更新在 " + minutes + " 分钟前。请告诉用户最新进展。";
        }

        @Override
        public String alertPath() {
            return "/admin/notices/" + noticeId;
        }
    }
}
