package com.paystatus.admin;

import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.channel.SetState;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticePreview;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.shared.ApiTimes;
import com.paystatus.shared.PayStatusProperties;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API for automation: post and update notices, set channel states, manage channels. */
@RestController
@RequestMapping("/api/admin")
class AdminApiController {

    private final NoticeService notices;
    private final ChannelService channels;
    private final ZoneId zone;
    private final NoticePreviewText previews;

    AdminApiController(
            NoticeService notices,
            ChannelService channels,
            PayStatusProperties properties,
            NoticePreviewText previews) {
        this.notices = notices;
        this.channels = channels;
        this.zone = properties.zone();
        this.previews = previews;
    }

    record PostmortemRequest(String postmortem) {}

    record UpdateJson(
            String status,
            String message,
            String messageEn,
            String estimatedRecoveryAt,
            String postedAt,
            String postedBy) {}

    record NoticeJson(
            long id,
            String title,
            String titleEn,
            String kind,
            String status,
            Map<String, String> channels,
            String estimatedRecoveryAt,
            String createdAt,
            String createdBy,
            String resolvedAt,
            String postmortem,
            long version,
            String url,
            List<UpdateJson> updates) {}

    record ChannelJson(
            String slug,
            Map<String, String> name,
            Map<String, String> group,
            String state,
            String ownState,
            String since,
            List<Long> heldBy,
            List<String> alternatives,
            String url) {}

    @PostMapping("/notices")
    ResponseEntity<NoticeJson> post(@Valid @RequestBody NoticeDraft body, BindingResult result, Principal actor)
            throws BindException {
        Commands.refuseIfInvalid(result, () -> notices.check(body));
        NoticeRecord notice = notices.post(body, actor.getName());
        return ResponseEntity.created(URI.create("/notices/" + notice.id())).body(json(notice));
    }

    /** One channel in a preview: what the public sees now, and what it will see once posted. */
    record PreviewChannelJson(
            String channel, String name, String chosen, String before, String after, boolean changes) {}

    record PreviewJson(List<String> summary, List<PreviewChannelJson> channels) {}

    /** What posting this body would change on the public page, in the caller's language; nothing is saved. */
    @PostMapping("/notices/preview")
    PreviewJson preview(@Valid @RequestBody NoticeDraft body, BindingResult result, Locale locale)
            throws BindException {
        Commands.refuseIfInvalid(result, () -> notices.check(body));
        NoticePreview preview = notices.preview(body);
        return new PreviewJson(
                previews.sentences(preview, locale),
                preview.channels().stream()
                        .map(c -> new PreviewChannelJson(
                                c.channel().slug(),
                                c.channel().name(locale),
                                c.chosen().code(),
                                c.before().code(),
                                c.after().code(),
                                c.changes()))
                        .toList());
    }

    @GetMapping("/notices/{id}")
    NoticeJson notice(@PathVariable long id) {
        return json(notices.get(id));
    }

    @PostMapping("/notices/{id}/updates")
    NoticeJson update(
            @PathVariable long id, @Valid @RequestBody UpdateDraft body, BindingResult result, Principal actor)
            throws BindException {
        Commands.refuseIfInvalid(result, () -> notices.checkUpdate(body));
        return json(notices.postUpdate(id, body, actor.getName()));
    }

    /** Publishes, revises or (with blank text) withdraws the postmortem of a resolved notice. */
    @PutMapping("/notices/{id}/postmortem")
    NoticeJson postmortem(@PathVariable long id, @RequestBody PostmortemRequest body, Principal actor) {
        return json(notices.writePostmortem(id, body.postmortem(), actor.getName()));
    }

    @GetMapping("/channels")
    List<ChannelJson> channels() {
        return channels.all().stream().map(this::json).toList();
    }

    @GetMapping("/channels/{slug}")
    ChannelJson channel(@PathVariable String slug) {
        return json(channels.get(slug));
    }

    /** Adds the channel under this slug, or edits it when it exists: 201 or 200. */
    @PutMapping("/channels/{slug}")
    ResponseEntity<ChannelJson> put(
            @PathVariable String slug, @Valid @RequestBody ChannelDetails body, Principal actor) {
        if (channels.idsOf(List.of(slug)).isEmpty()) {
            ChannelRecord created = channels.create(slug, body, actor.getName());
            return ResponseEntity.created(URI.create("/channels/" + created.slug()))
                    .body(json(created));
        }
        return ResponseEntity.ok(json(channels.update(slug, body, actor.getName())));
    }

    @PutMapping("/channels/{slug}/state")
    ChannelJson setState(
            @PathVariable String slug, @Valid @RequestBody SetState body, BindingResult result, Principal actor)
            throws BindException {
        Commands.refuseIfInvalid(result, () -> channels.check(body));
        return json(channels.setState(slug, body, actor.getName()));
    }

    private NoticeJson json(NoticeRecord notice) {
        Map<String, String> affected = new LinkedHashMap<>();
        notice.channels().forEach((slug, state) -> affected.put(slug, state.code()));
        return new NoticeJson(
                notice.id(),
                notice.title(),
                notice.titleEn(),
                notice.kind().code(),
                notice.status().code(),
                affected,
                ApiTimes.format(notice.estimatedRecoveryAt(), zone),
                ApiTimes.format(notice.createdAt(), zone),
                notice.createdBy(),
                ApiTimes.format(notice.resolvedAt(), zone),
                notice.postmortem(),
                notice.version(),
                "/notices/" + notice.id(),
                notice.updates().stream()
                        .map(u -> new UpdateJson(
                                u.status().code(),
                                u.message(),
                                u.messageEn(),
                                ApiTimes.format(u.estimatedRecoveryAt(), zone),
                                ApiTimes.format(u.postedAt(), zone),
                                u.postedBy()))
                        .toList());
    }

    private ChannelJson json(ChannelRecord channel) {
        return new ChannelJson(
                channel.slug(),
                Map.of("zh", channel.nameZh(), "en", channel.nameEn()),
                Map.of("zh", channel.groupZh(), "en", channel.groupEn()),
                channel.state().code(),
                channel.ownState().code(),
                ApiTimes.format(channel.since(), zone),
                channel.heldByNotices(),
                channel.alternatives(),
                "/channels/" + channel.slug());
    }
}
