package com.paystatus.admin;

import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.NoticeTemplateService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.shared.Coded;
import com.paystatus.shared.ConflictException;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.subscription.DeliveryLog;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Posting a notice, and updating or resolving it, from the admin pages (Post/Redirect/Get). */
@Controller
class AdminNoticesController {

    private final NoticeService notices;
    private final ChannelService channels;
    private final NoticeTemplateService templates;
    private final MessageSource messages;
    private final Commands commands;
    private final ZoneId zone;
    private final DeliveryLog deliveries;
    private final NoticePreviewText previews;
    private final Clock clock;

    AdminNoticesController(
            NoticeService notices,
            ChannelService channels,
            NoticeTemplateService templates,
            MessageSource messages,
            Commands commands,
            PayStatusProperties properties,
            DeliveryLog deliveries,
            NoticePreviewText previews,
            Clock clock) {
        this.notices = notices;
        this.channels = channels;
        this.templates = templates;
        this.messages = messages;
        this.commands = commands;
        this.zone = properties.zone();
        this.deliveries = deliveries;
        this.previews = previews;
        this.clock = clock;
    }

    /**
     * The form, empty, from a template, or as a draft with a kind and one channel in a state filled
     * in (the dashboard's link for a spike of user reports); unknown values are left out.
     */
    @GetMapping("/admin/notices/new")
    String newNotice(
            @RequestParam(required = false) Long template,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String state,
            Model model) {
        // a template gives the kind and the words; its channels are only a suggestion to confirm
        NoticeForm form = template != null ? NoticeForm.fromTemplate(templates.get(template)) : new NoticeForm();
        if (Coded.fromCode(NoticeKind.class, kind).isPresent()) {
            form.setKind(kind.trim());
        }
        if (channel != null
                && channels.all().stream().anyMatch(c -> c.slug().equals(channel))
                && Coded.fromCode(ChannelState.class, state).isPresent()) {
            form.getChannels().put(channel, state.trim());
        }
        return newNotice(form, model);
    }

    private String newNotice(NoticeForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("suggestedNames", suggestedNames(form));
        model.addAttribute("channels", channels.all());
        model.addAttribute("templates", templates.all());
        return "admin/notice-new";
    }

    /**
     * Previews, then publishes: a draft is published only when the operator presses publish on the
     * preview of exactly this draft ({@code publish} carries its fingerprint); anything else, a
     * changed form included, shows the form again with the preview of what it would publish.
     */
    @PostMapping("/admin/notices")
    String post(
            @ModelAttribute("form") NoticeForm form,
            BindingResult result,
            @RequestParam(required = false) String publish,
            Principal actor,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        form.resolveQuickChoice(clock.instant(), zone);
        NoticeDraft command = form.toDraft(zone);
        commands.validate(command, result);
        if (result.hasErrors()) {
            // show the domain's objections too, so the operator fixes everything in one go
            FormErrors.show(notices.check(command), result);
            return newNotice(form, model);
        }
        String fingerprint = Fingerprint.of(command);
        try {
            if (fingerprint.equals(publish)) {
                NoticeRecord notice = notices.post(command, actor.getName());
                redirect.addFlashAttribute("flash", "flash.noticePosted");
                return "redirect:/admin/notices/" + notice.id();
            }
            model.addAttribute("preview", previews.sentences(notices.preview(command), locale));
            model.addAttribute("previewChanged", publish != null && !publish.isBlank());
            form.setPreviewed(fingerprint);
        } catch (InvalidInputException e) {
            FormErrors.show(e, result);
        }
        return newNotice(form, model);
    }

    /** The template's suggested channels by name and state, for the box the operator may tick. */
    private String suggestedNames(NoticeForm form) {
        if (form.getSuggested().isEmpty()) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> names = new LinkedHashMap<>();
        channels.all().forEach(c -> names.put(c.slug(), c.name(locale)));
        return form.getSuggested().entrySet().stream()
                .map(e -> names.getOrDefault(e.getKey(), e.getKey()) + " → "
                        + messages.getMessage("channel.state." + e.getValue(), null, e.getValue(), locale))
                .collect(Collectors.joining(messages.getMessage("list.separator", null, locale)));
    }

    @GetMapping("/admin/notices/{id}")
    String show(@PathVariable long id, Model model) {
        NoticeRecord notice = notices.get(id);
        UpdateForm form = new UpdateForm();
        form.setStatus(notice.status().code());
        form.setVersion(notice.version());
        return show(notice, form, model);
    }

    @PostMapping("/admin/notices/{id}/updates")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") UpdateForm form,
            BindingResult result,
            Principal actor,
            Model model,
            RedirectAttributes redirect) {
        form.resolveQuickChoice(clock.instant(), zone);
        UpdateDraft command = form.toDraft(zone);
        commands.validate(command, result);
        if (result.hasErrors()) {
            FormErrors.show(notices.checkUpdate(command), result);
        } else {
            try {
                notices.postUpdate(id, command, actor.getName());
                redirect.addFlashAttribute(
                        "flash", "resolved".equals(form.getStatus()) ? "flash.noticeResolved" : "flash.updatePosted");
                return "redirect:/admin/notices/" + id;
            } catch (InvalidInputException e) {
                FormErrors.show(e, result);
            } catch (ConflictException e) {
                result.reject(e.messageKey(), e.args(), e.messageKey());
            } catch (ObjectOptimisticLockingFailureException e) {
                result.reject("error.noticeChanged", new Object[] {id}, "error.noticeChanged");
            }
        }
        return show(notices.get(id), form, model);
    }

    @PostMapping("/admin/notices/{id}/postmortem")
    String postmortem(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String postmortem,
            Principal actor,
            RedirectAttributes redirect) {
        try {
            notices.writePostmortem(id, postmortem, actor.getName());
            redirect.addFlashAttribute("flash", "flash.postmortemSaved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", FormErrors.sentence(e, messages));
        }
        return "redirect:/admin/notices/" + id;
    }

    private String show(NoticeRecord notice, UpdateForm form, Model model) {
        model.addAttribute("notice", notice);
        model.addAttribute("form", form);
        model.addAttribute("deliveries", deliveries.forNotice(notice.id()));
        return "admin/notice";
    }
}
