package com.paystatus.channel;

import com.paystatus.shared.Coded;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.InvalidInputException.Violation;
import com.paystatus.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channels: adding and editing them, setting their state directly, and keeping the history of what
 * the public sees. A channel's effective state is derived, never stored: the worst of the state an
 * operator set and the states open notices hold it in. Whenever one of those changes, {@link
 * #reconcile} records the change of the effective state in the history.
 */
@Service
public class ChannelService {

    static final Pattern SLUG =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]{0," + (ChannelDetails.MAX_SLUG - 2) + "}[a-z0-9])?");
    static final int MAX_REASON = SetState.MAX_REASON;
    private static final int RECENT_CHANGES = 10;

    private final ChannelRepository channels;
    private final ChannelGroupRepository groups;
    private final ChannelStateChangeRepository changes;
    private final List<StateHolds> holds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChannelService(
            ChannelRepository channels,
            ChannelGroupRepository groups,
            ChannelStateChangeRepository changes,
            List<StateHolds> holds,
            ApplicationEventPublisher events,
            Clock clock) {
        this.channels = channels;
        this.groups = groups;
        this.changes = changes;
        this.holds = holds;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ChannelRecord> all() {
        Map<Long, List<StateHold>> holdsByChannel = holdsByChannel(clock.instant());
        List<Channel> all = channels.findAll();
        Map<Long, String> slugs = all.stream().collect(Collectors.toMap(Channel::getId, Channel::getSlug));
        return all.stream()
                .sorted(Comparator.comparingInt((Channel c) -> c.getGroup().getDisplayOrder())
                        .thenComparingInt(Channel::getDisplayOrder)
                        .thenComparing(Channel::getSlug))
                .map(c -> toRecord(c, holdsByChannel.getOrDefault(c.getId(), List.of()), slugs))
                .toList();
    }

    /** Every channel's state from {@code from} until now, for uptime: two indexed reads per channel. */
    @Transactional(readOnly = true)
    public List<StateTimeline> timelines(Instant from) {
        return timelines(slugsById(), from);
    }

    /**
     * As {@link #timelines(Instant)}, for the channels given by id and slug: the snapshot passes the
     * channels it has just read instead of reading them again.
     */
    @Transactional(readOnly = true)
    public List<StateTimeline> timelines(Map<Long, String> slugsById, Instant from) {
        return slugsById.entrySet().stream()
                .map(c -> new StateTimeline(
                        c.getValue(),
                        from,
                        changes.findInForceAt(c.getKey(), from).stream()
                                .findFirst()
                                .map(ChannelStateChange::getToState)
                                .orElse(null),
                        changes.findByChannelIdAndChangedAtAfterOrderByChangedAtAscIdAsc(c.getKey(), from).stream()
                                .map(ChannelStateChange::toRecord)
                                .toList()))
                .toList();
    }

    @Transactional(readOnly = true)
    public ChannelRecord get(String slug) {
        Channel channel =
                channels.findBySlug(slug).orElseThrow(() -> new NotFoundException("error.channelNotFound", slug));
        Map<Long, String> slugs = channels.findAllById(channel.getAlternativeIds()).stream()
                .collect(Collectors.toMap(Channel::getId, Channel::getSlug));
        slugs.put(channel.getId(), channel.getSlug());
        return toRecord(channel, holdsByChannel(clock.instant()).getOrDefault(channel.getId(), List.of()), slugs);
    }

    @Transactional(readOnly = true)
    public long count() {
        return channels.count();
    }

    /** The ids of those of the given slugs that name a channel. */
    @Transactional(readOnly = true)
    public Map<String, Long> idsOf(Collection<String> slugs) {
        return channels.findBySlugIn(slugs).stream().collect(Collectors.toMap(Channel::getSlug, Channel::getId));
    }

    @Transactional(readOnly = true)
    public Map<Long, String> slugsById() {
        return channels.findAll().stream().collect(Collectors.toMap(Channel::getId, Channel::getSlug));
    }

    @Transactional
    public ChannelRecord create(String slug, ChannelDetails details, String actor) {
        String cleanSlug = slug == null ? "" : slug.trim();
        if (!SLUG.matcher(cleanSlug).matches()) {
            throw new InvalidInputException("slug", "validation.slug");
        }
        if (channels.findBySlug(cleanSlug).isPresent()) {
            throw new InvalidInputException("slug", "validation.slugTaken", cleanSlug);
        }
        List<Long> alternatives = alternativeIds(cleanSlug, details);
        Instant now = clock.instant();
        Channel channel = channels.save(new Channel(cleanSlug, details, groupFor(details), now));
        channel.suggestInstead(alternatives);
        changes.save(new ChannelStateChange(channel.getId(), null, ChannelState.AVAILABLE, now, actor, null, null));
        ChannelRecord created = get(cleanSlug);
        events.publishEvent(new ChannelCreated(created));
        return created;
    }

    @Transactional
    public ChannelRecord update(String slug, ChannelDetails details, String actor) {
        Channel channel = find(slug);
        ChannelRecord before = get(slug);
        List<Long> alternatives = alternativeIds(slug, details);
        channel.describe(details, groupFor(details));
        channel.suggestInstead(alternatives);
        ChannelRecord after = get(slug);
        events.publishEvent(new ChannelEdited(before, after));
        return after;
    }

    /**
     * Sets the state an operator chose for the channel. Open notices may still hold it in a worse
     * state; the returned record says what the public sees.
     */
    /** The rule a state command breaks that its constraints cannot tell: the state must be one we know. */
    public List<Violation> check(SetState command) {
        String code = command.state() == null ? "" : command.state();
        return Coded.fromCode(ChannelState.class, code).isPresent()
                ? List.of()
                : List.of(new Violation("state", "validation.unknownState", code));
    }

    @Transactional
    public ChannelRecord setState(String slug, SetState command, String actor) {
        List<Violation> violations = check(command);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        ChannelState state = Coded.fromCode(ChannelState.class, command.state()).orElseThrow();
        String cleanReason = command.reason().trim();
        Channel channel = find(slug);
        ChannelState before = get(slug).ownState();
        channel.setState(state);
        channels.flush();
        reconcile(List.of(channel.getId()), actor, cleanReason, null);
        ChannelRecord after = get(slug);
        events.publishEvent(new ChannelStateSet(after, before, cleanReason));
        return after;
    }

    /**
     * Records, for each given channel whose effective state differs from the last one recorded, the
     * change in the history. Called in the transaction that changed the channel or a notice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reconcile(Collection<Long> channelIds, String actor, String reason, Long noticeId) {
        reconcile(channelIds, clock.instant(), actor, reason, noticeId);
    }

    /**
     * As {@link #reconcile(Collection, String, String, Long)}, for the state at {@code at}: a
     * scheduled transition is recorded at the moment it was due, even when noticed a little later.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reconcile(Collection<Long> channelIds, Instant at, String actor, String reason, Long noticeId) {
        Map<Long, List<StateHold>> holdsByChannel = holdsByChannel(at);
        for (Channel channel : channels.findAllById(channelIds)) {
            ChannelState effective = effectiveState(channel, holdsByChannel.getOrDefault(channel.getId(), List.of()));
            ChannelState recorded = changes.latest(channel.getId())
                    .map(ChannelStateChange::getToState)
                    .orElse(null);
            if (effective != recorded) {
                changes.save(new ChannelStateChange(
                        channel.getId(), recorded, effective, at, actor, truncate(reason), noticeId));
            }
        }
    }

    private Channel find(String slug) {
        return channels.findBySlug(slug).orElseThrow(() -> new NotFoundException("error.channelNotFound", slug));
    }

    private ChannelGroup groupFor(ChannelDetails details) {
        String nameZh = details.groupZh().trim();
        ChannelGroup group = groups.findByNameZh(nameZh)
                .orElseGet(() ->
                        groups.save(new ChannelGroup(nameZh, details.groupEn().trim(), groups.maxDisplayOrder() + 1)));
        group.rename(details.groupEn().trim());
        return group;
    }

    private List<Long> alternativeIds(String slug, ChannelDetails details) {
        List<String> wanted = details.alternativesOrEmpty();
        if (wanted.contains(slug)) {
            throw new InvalidInputException("alternatives", "validation.alternativeSelf");
        }
        Map<String, Long> ids = idsOf(wanted);
        List<Violation> unknown = wanted.stream()
                .filter(s -> !ids.containsKey(s))
                .map(s -> new Violation("alternatives", "validation.unknownChannel", s))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        return wanted.stream().map(ids::get).toList();
    }

    private Map<Long, List<StateHold>> holdsByChannel(Instant now) {
        return holds.stream()
                .flatMap(h -> h.holdsAt(now).stream())
                .sorted(Comparator.comparing(StateHold::source).thenComparingLong(StateHold::sourceId))
                .collect(Collectors.groupingBy(StateHold::channelId, LinkedHashMap::new, Collectors.toList()));
    }

    private static ChannelState effectiveState(Channel channel, List<StateHold> channelHolds) {
        List<ChannelState> states = new ArrayList<>();
        states.add(channel.getState());
        channelHolds.forEach(h -> states.add(h.state()));
        return ChannelState.worst(states);
    }

    private ChannelRecord toRecord(Channel channel, List<StateHold> channelHolds, Map<Long, String> slugs) {
        ChannelState state = effectiveState(channel, channelHolds);
        List<StateChange> recent = changes.recent(channel.getId(), Limit.of(RECENT_CHANGES));
        StateChange latest = recent.isEmpty() ? null : recent.get(0);
        return new ChannelRecord(
                channel.getId(),
                channel.getSlug(),
                channel.getNameZh(),
                channel.getNameEn(),
                channel.getDescriptionZh(),
                channel.getDescriptionEn(),
                channel.getGroup().getId(),
                channel.getGroup().getNameZh(),
                channel.getGroup().getNameEn(),
                channel.getGroup().getDisplayOrder(),
                channel.getDisplayOrder(),
                channel.getState(),
                state,
                channelHolds.stream().filter(h -> h.state() == state).toList(),
                latest == null ? null : latest.at(),
                latest == null ? null : latest.reason(),
                channel.getAlternativeIds().stream()
                        .map(slugs::get)
                        .filter(s -> s != null)
                        .toList(),
                recent);
    }

    private static String truncate(String reason) {
        if (reason == null) {
            return null;
        }
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }
}
