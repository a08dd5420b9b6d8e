package com.paystatus.integration;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.OperatorAlert;
import java.time.Instant;

/**
 * What the integrations feature publishes: rule changes and proposal decisions for the audit log, and
 * {@link OperatorAlert}s (a proposal opened, an estimate passed, a notice gone quiet) for the
 * operators' robots and webhooks, their texts worded by the publisher from the messages (in Chinese). None changes what the public sees by itself; a published proposal
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
    public record ProposalOpened(ProposalRecord proposal, String alertTitle, String alertText)
            implements OperatorAlert, Auditable {
        @Override
        public String alertKind() {
            return "proposal.opened";
        }

        @Override
        public String alertChannelSlug() {
            return proposal.channel();
        }

        @Override
        public String alertPath() {
            return "/admin/integrations#proposals";
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
    public record EstimatePassed(
            long noticeId, String alertChannelSlug, Instant estimate, String alertTitle, String alertText)
            implements OperatorAlert {
        @Override
        public String alertKind() {
            return "notice.estimatePassed";
        }

        @Override
        public String alertPath() {
            return "/admin/notices/" + noticeId;
        }
    }

    /** An open notice has had no update for the set time. */
    public record NoticeStale(
            long noticeId, String alertChannelSlug, Instant lastUpdate, String alertTitle, String alertText)
            implements OperatorAlert {
        @Override
        public String alertKind() {
            return "notice.stale";
        }

        @Override
        public String alertPath() {
            return "/admin/notices/" + noticeId;
        }
    }
}
