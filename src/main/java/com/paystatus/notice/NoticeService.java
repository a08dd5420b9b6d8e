package com.paystatus.notice;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.shared.Coded;
import com.paystatus.shared.ConflictException;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.InvalidInputException.Violation;
import com.paystatus.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posting notices, updating and resolving them. Each change reconciles the affected channels'
 * effective states (and so their history) and publishes what happened ({@link NoticePosted}, {@link
 * NoticeUpdated}, {@link PostmortemWritten}) in the same transaction.
 */
@Service
public class NoticeService {

    /** How long a postmortem may be, for the admin page's field. */
    public static final int MAX_POSTMORTEM = Notice.MAX_POSTMORTEM;

    private final NoticeRepository notices;
    private final ChannelService channels;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeService(NoticeRepository notices, ChannelService channels, ApplicationEventPublisher events, Clock clock) {
        this.notices = notices;
        this.channels = channels;
        this.events = events;
        this.clock = clock;
    }

    /** Every rule the draft breaks, without posting anything: lets a form show all problems at once. */
    @Transactional(readOnly = true)
    public List<Violation> check(NoticeDraft draft) {
        List<Violation> violations = new ArrayList<>();
        validate(draft, violations);
        return violations;
    }

    /** Every rule the update breaks that can be told without the notice: lets a form show all problems at once. */
    public List<Violation> checkUpdate(UpdateDraft draft) {
        List<Violation> violations = new ArrayList<>();
        NoticeStatus status =
                parse(NoticeStatus.class, draft.status(), "status", "validation.unknownStatus", violations);
        Notice.checkUpdate(status, draft.estimatedRecoveryAt(), clock.instant(), violations);
        return violations;
    }

    /**
     * What posting the draft would show the public, nothing saved; refuses a draft that posting
     * would refuse, so the preview never shows what cannot be published.
     */
    @Transactional(readOnly = true)
    public NoticePreview preview(NoticeDraft draft) {
        List<Violation> violations = new ArrayList<>();
        validate(draft, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Map<String, String> chosen = draft.channels() == null ? Map.of() : draft.channels();
        List<NoticePreview.ChannelChange> changes = new ArrayList<>();
        for (ChannelRecord channel : channels.all()) {
            String code = chosen.get(channel.slug());
            if (code != null) {
                ChannelState state = Coded.fromCode(ChannelState.class, code).orElseThrow();
                changes.add(new NoticePreview.ChannelChange(
                        channel, state, ChannelState.worst(List.of(channel.state(), state))));
            }
        }
        return new NoticePreview(changes);
    }

    @Transactional
    public NoticeRecord post(NoticeDraft draft, String actor) {
        List<Violation> violations = new ArrayList<>();
        Map<Long, ChannelState> affected = validate(draft, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Instant now = clock.instant();
        NoticeKind kind = Coded.fromCode(NoticeKind.class, draft.kind()).orElseThrow();
        NoticeStatus status = Coded.fromCode(NoticeStatus.class, draft.status()).orElse(null);
        Notice notice = notices.saveAndFlush(Notice.post(
                draft.title(),
                draft.titleEn(),
                kind,
                affected,
                status,
                draft.message(),
                draft.messageEn(),
                draft.estimatedRecoveryAt(),
                now,
                actor));
        channels.reconcile(
                affected.keySet(),
                actor,
                draft.title() == null ? null : draft.title().trim(),
                notice.getId());
        NoticeRecord posted = notice.toRecord(slugsById());
        events.publishEvent(new NoticePosted(posted, draft.message()));
        return posted;
    }

    @Transactional
    public NoticeRecord postUpdate(long id, UpdateDraft draft, String actor) {
        Notice notice = notices.findForUpdate(id).orElseThrow(() -> new NotFoundException("error.noticeNotFound", id));
        if (draft.version() != null && draft.version() != notice.getVersion()) {
            throw new ConflictException("error.noticeChanged", id);
        }
        List<Violation> violations = new ArrayList<>();
        NoticeStatus status =
                parse(NoticeStatus.class, draft.status(), "status", "validation.unknownStatus", violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Map<Long, String> slugs = slugsById();
        NoticeRecord before = notice.toRecord(slugs);
        notice.postUpdate(
                status, draft.message(), draft.messageEn(), draft.estimatedRecoveryAt(), clock.instant(), actor);
        notices.flush();
        channels.reconcile(
                notice.getChannels().stream().map(AffectedChannel::getChannelId).toList(),
                actor,
                draft.message(),
                notice.getId());
        NoticeRecord after = notice.toRecord(slugs);
        events.publishEvent(new NoticeUpdated(before, after, draft.message(), draft.notifies()));
        return after;
    }

    @Transactional
    public NoticeRecord writePostmortem(long id, String text, String actor) {
        Notice notice = notices.findForUpdate(id).orElseThrow(() -> new NotFoundException("error.noticeNotFound", id));
        String before = notice.toRecord(Map.of()).postmortem();
        notice.writePostmortem(text, clock.instant());
        NoticeRecord written = notice.toRecord(slugsById());
        events.publishEvent(new PostmortemWritten(written, before));
        return written;
    }

    @Transactional(readOnly = true)
    public NoticeRecord get(long id) {
        return notices.findById(id)
                .map(n -> n.toRecord(slugsById()))
                .orElseThrow(() -> new NotFoundException("error.noticeNotFound", id));
    }

    /** Open notices and those resolved since the given instant, newest first. */
    @Transactional(readOnly = true)
    public List<NoticeRecord> openOrResolvedSince(Instant since) {
        return openOrResolvedSince(since, slugsById());
    }

    /** As {@link #openOrResolvedSince(Instant)}, naming channels by the slugs given for their ids. */
    @Transactional(readOnly = true)
    public List<NoticeRecord> openOrResolvedSince(Instant since, Map<Long, String> slugs) {
        return notices.findOpenOrResolvedSince(since).stream()
                .map(n -> n.toRecord(slugs))
                .toList();
    }

    /** Checks the whole draft, adding each problem to {@code violations}; returns the affected channels. */
    private Map<Long, ChannelState> validate(NoticeDraft draft, List<Violation> violations) {
        NoticeKind kind = parse(NoticeKind.class, draft.kind(), "kind", "validation.unknownKind", violations);
        NoticeStatus status = draft.status() == null || draft.status().isBlank()
                ? null
                : parse(NoticeStatus.class, draft.status(), "status", "validation.unknownStatus", violations);
        Map<String, String> requested = draft.channels() == null ? Map.of() : draft.channels();
        Map<String, Long> ids = knownChannels(requested.keySet(), violations);
        Map<Long, ChannelState> affected = new LinkedHashMap<>();
        requested.forEach((slug, code) -> {
            ChannelState state =
                    parse(ChannelState.class, code, "channels[" + slug + "]", "validation.unknownState", violations);
            if (state != null && ids.containsKey(slug)) {
                affected.put(ids.get(slug), state);
            }
        });
        Notice.check(
                draft.title(),
                kind,
                !requested.isEmpty(),
                status,
                draft.message(),
                draft.estimatedRecoveryAt(),
                clock.instant(),
                violations);
        return affected;
    }

    /**
     * One page of all notices, newest first, optionally only those about one channel or of one
     * kind. Unknown filters are refused.
     */
    @Transactional(readOnly = true)
    public Page<NoticeRecord> history(String channelSlug, String kindCode, int page, int size) {
        List<Violation> violations = new ArrayList<>();
        Long channelId = null;
        if (channelSlug != null && !channelSlug.isBlank()) {
            channelId = channels.idsOf(List.of(channelSlug)).get(channelSlug);
            if (channelId == null) {
                violations.add(new Violation("channel", "validation.unknownChannel", channelSlug));
            }
        }
        NoticeKind kind = kindCode == null || kindCode.isBlank()
                ? null
                : parse(NoticeKind.class, kindCode, "kind", "validation.unknownKind", violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Long onChannel = channelId;
        Specification<Notice> filter = (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>();
            if (kind != null) {
                where.add(cb.equal(root.get("kind"), kind));
            }
            if (onChannel != null) {
                var sub = query.subquery(Long.class);
                var n = sub.from(Notice.class);
                var affected = n.join("channels");
                sub.select(n.get("id")).where(cb.equal(affected.get("channelId"), onChannel));
                where.add(root.get("id").in(sub));
            }
            return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
        Map<Long, String> slugs = slugsById();
        return notices.findAll(
                        filter,
                        PageRequest.of(
                                Math.max(page, 0), size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))))
                .map(n -> n.toRecord(slugs));
    }

    private Map<String, Long> knownChannels(Set<String> slugs, List<Violation> violations) {
        Map<String, Long> ids = channels.idsOf(slugs);
        slugs.stream()
                .filter(s -> !ids.containsKey(s))
                .forEach(s -> violations.add(new Violation("channels", "validation.unknownChannel", s)));
        return ids;
    }

    private Map<Long, String> slugsById() {
        return channels.slugsById();
    }

    private static <E extends Enum<E> & Coded> E parse(
            Class<E> type, String code, String field, String messageKey, List<Violation> violations) {
        return Coded.fromCode(type, code).orElseGet(() -> {
            violations.add(new Violation(field, messageKey, code == null ? "" : code));
            return null;
        });
    }
}
