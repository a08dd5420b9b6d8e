package com.paystatus.notice;

import com.paystatus.channel.ChannelState;
import com.paystatus.shared.ConflictException;
import com.paystatus.shared.Horizon;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.InvalidInputException.Violation;
import com.paystatus.shared.LocalizedText;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A notice to the public about one or more channels: what happened, where the work stands and when
 * the channels are expected back. The aggregate guards its rules: a resolved notice takes no more
 * updates, an estimate lies in the future, and every update stays in the timeline. Text limits are
 * the commands' ({@link NoticeDraft}, {@link UpdateDraft}), checked at the door by Bean Validation.
 */
@Entity
@Table(name = "notice")
class Notice {

    static final int MAX_POSTMORTEM = 10000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String titleEn;

    @Convert(converter = NoticeKind.Converter.class)
    private NoticeKind kind;

    @Convert(converter = NoticeStatus.Converter.class)
    private NoticeStatus status;

    private Instant estimatedRecoveryAt;
    private Instant createdAt;
    private String createdBy;
    private Instant resolvedAt;
    private String postmortem;
    private Instant postmortemAt;

    @ElementCollection
    @CollectionTable(name = "notice_channel", joinColumns = @JoinColumn(name = "notice_id"))
    private List<AffectedChannel> channels = new ArrayList<>();

    @OneToMany(mappedBy = "notice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("postedAt desc, id desc")
    private List<NoticeUpdate> updates = new ArrayList<>();

    @Version
    private long version;

    protected Notice() {}

    /** Posts a notice in Chinese only. */
    static Notice post(
            String title,
            NoticeKind kind,
            Map<Long, ChannelState> affected,
            NoticeStatus status,
            String message,
            Estimate eta,
            Instant now,
            String by) {
        return post(title, null, kind, affected, status, message, null, eta, now, by);
    }

    /**
     * Posts a new notice; its first update carries the message and the first estimate. The English
     * texts are optional (blank is none).
     */
    static Notice post(
            String title,
            String titleEn,
            NoticeKind kind,
            Map<Long, ChannelState> affected,
            NoticeStatus status,
            String message,
            String messageEn,
            Estimate eta,
            Instant now,
            String by) {
        List<Violation> violations = new ArrayList<>();
        check(title, kind, !affected.isEmpty(), status, message, eta, now, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Notice notice = new Notice();
        notice.title = title.trim();
        notice.titleEn = LocalizedText.optional(titleEn);
        notice.kind = kind;
        notice.createdAt = now;
        notice.createdBy = by;
        affected.forEach((channelId, state) -> notice.channels.add(new AffectedChannel(channelId, state)));
        notice.apply(status == null ? NoticeStatus.INVESTIGATING : status, message, messageEn, eta.instant(), now, by);
        return notice;
    }

    /** Adds to {@code violations} every rule a new notice with these values would break. */
    static void check(
            String title,
            NoticeKind kind,
            boolean anyChannel,
            NoticeStatus status,
            String message,
            Estimate eta,
            Instant now,
            List<Violation> violations) {
        if (kind != null && kind.needsChannels() && !anyChannel) {
            violations.add(new Violation("channels", "validation.channelsRequired"));
        }
        if (status == NoticeStatus.RESOLVED) {
            violations.add(new Violation("status", "validation.cannotStartResolved"));
        }
        checkEstimate(violations, eta, now);
    }

    /**
     * Adds an update to the timeline: a new status, a message and the revised estimate (an open
     * status needs one, unknown included). Resolving clears the estimate and releases the channels.
     */
    void postUpdate(NoticeStatus next, String message, String messageEn, Estimate eta, Instant now, String by) {
        if (!status.canTransitionTo(next)) {
            throw new ConflictException("error.noticeResolved", id);
        }
        List<Violation> violations = new ArrayList<>();
        checkUpdate(next, eta, now, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        apply(next, message, messageEn, next.isOpen() ? eta.instant() : null, now, by);
    }

    /** Adds a Chinese-only update. */
    void postUpdate(NoticeStatus next, String message, Estimate eta, Instant now, String by) {
        postUpdate(next, message, null, eta, now, by);
    }

    /** Adds to {@code violations} every rule an update with these values would break. */
    static void checkUpdate(NoticeStatus next, Estimate eta, Instant now, List<Violation> violations) {
        if (next == null || next.isOpen()) {
            checkEstimate(violations, eta, now);
        }
    }

    /**
     * Publishes (or revises) what was learned, once the notice is resolved. Blank text withdraws
     * it.
     */
    void writePostmortem(String text, Instant now) {
        if (status.isOpen()) {
            throw new ConflictException("error.postmortemOpen", id);
        }
        String clean = text == null ? "" : text.trim();
        if (clean.length() > MAX_POSTMORTEM) {
            throw new InvalidInputException("postmortem", "validation.tooLong", MAX_POSTMORTEM);
        }
        postmortem = clean.isEmpty() ? null : clean;
        postmortemAt = clean.isEmpty() ? null : now;
    }

    private void apply(NoticeStatus next, String message, String messageEn, Instant eta, Instant now, String by) {
        this.status = next;
        this.estimatedRecoveryAt = eta;
        this.resolvedAt = next.isOpen() ? null : now;
        this.updates.add(
                0, new NoticeUpdate(this, next, message.trim(), LocalizedText.optional(messageEn), eta, now, by));
    }

    /** An open notice needs an estimate said explicitly: a time ahead (within the horizon) or unknown. */
    private static void checkEstimate(List<Violation> violations, Estimate estimate, Instant now) {
        Instant eta = estimate == null ? null : estimate.instant();
        if (estimate == null) {
            violations.add(new Violation("estimatedRecoveryAt", "validation.etaMissing"));
        } else if (eta != null && !eta.isAfter(now)) {
            violations.add(new Violation("estimatedRecoveryAt", "validation.etaInPast"));
        } else if (eta != null && Horizon.beyond(eta, now)) {
            violations.add(new Violation("estimatedRecoveryAt", "validation.tooFarAhead"));
        }
    }

    Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    List<AffectedChannel> getChannels() {
        return channels;
    }

    NoticeRecord toRecord(Map<Long, String> slugs) {
        Map<String, ChannelState> affected = new java.util.LinkedHashMap<>();
        channels.forEach(a -> affected.put(slugs.getOrDefault(a.getChannelId(), "?"), a.getState()));
        return new NoticeRecord(
                id == null ? 0 : id,
                title,
                titleEn,
                kind,
                status,
                affected,
                estimatedRecoveryAt,
                createdAt,
                createdBy,
                resolvedAt,
                postmortem,
                postmortemAt,
                version,
                updates.stream().map(NoticeUpdate::toRecord).toList());
    }
}
