package com.paystatus.integration;

import com.paystatus.channel.ChannelService;
import com.paystatus.notice.NoticeTemplateService;
import com.paystatus.shared.ConflictException;
import com.paystatus.shared.InvalidInputException;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of the integrations: proposals to publish (prefilled, editable) or dismiss, the
 * reminders, the rules and the alerts no rule placed. Forms post and redirect back with a flash.
 */
@Controller
class AdminIntegrationsController {

    private final Proposals proposals;
    private final IntegrationRules rules;
    private final IntegrationJobs jobs;
    private final ChannelService channels;
    private final NoticeTemplateService templates;
    private final MessageSource messages;
    private final Validator validator;
    private final RecoveryStatistics recoveries;

    AdminIntegrationsController(
            Proposals proposals,
            IntegrationRules rules,
            IntegrationJobs jobs,
            ChannelService channels,
            NoticeTemplateService templates,
            MessageSource messages,
            Validator validator,
            RecoveryStatistics recoveries) {
        this.recoveries = recoveries;
        this.proposals = proposals;
        this.rules = rules;
        this.jobs = jobs;
        this.channels = channels;
        this.templates = templates;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/admin/integrations")
    String page(Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("unmatched", proposals.unmatchedAlerts());
        model.addAttribute("channels", channels.all());
        model.addAttribute("templates", templates.all());
        model.addAttribute("proposableStates", IntegrationRules.PROPOSABLE);
        model.addAttribute("recoveries", recoveries.all());
        return "admin/integrations";
    }

    @PostMapping("/admin/proposals/{id}/publish")
    String publish(
            @PathVariable long id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String message,
            @RequestParam(required = false) String back,
            Principal actor,
            RedirectAttributes redirect) {
        PublishDraft edits = new PublishDraft(blankToNull(title), null, blankToNull(message), null, null);
        try {
            var violations = validator.validate(edits);
            if (!violations.isEmpty()) {
                redirect.addFlashAttribute(
                        "flashError", violations.iterator().next().getMessage());
            } else {
                long notice = proposals.publish(id, edits, actor.getName()).id();
                redirect.addFlashAttribute("flash", "flash.proposalPublished");
                return "redirect:/admin/notices/" + notice;
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", sentence(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.args(), locale()));
        }
        return "redirect:" + target(back);
    }

    @PostMapping("/admin/proposals/{id}/dismiss")
    String dismiss(
            @PathVariable long id,
            @RequestParam(required = false) String back,
            Principal actor,
            RedirectAttributes redirect) {
        try {
            proposals.dismiss(id, actor.getName());
            redirect.addFlashAttribute("flash", "flash.proposalDismissed");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.args(), locale()));
        }
        return "redirect:" + target(back);
    }

    @PostMapping("/admin/integrations/rules")
    String saveRule(
            @RequestParam(required = false) Long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String matchers,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Long templateId,
            @RequestParam(required = false) boolean autoPublish,
            @RequestParam(required = false) Integer autoPublishMinutes,
            @RequestParam(required = false) boolean requireReports,
            @RequestParam(required = false) boolean autoResolve,
            @RequestParam(required = false) Integer holdDownMinutes,
            Principal actor,
            RedirectAttributes redirect) {
        RuleDraft draft = new RuleDraft(
                name,
                parseMatchers(matchers),
                channel,
                state,
                templateId,
                autoPublish,
                autoPublishMinutes,
                requireReports,
                autoResolve,
                holdDownMinutes);
        var violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            var v = violations.iterator().next();
            redirect.addFlashAttribute(
                    "flashError",
                    messages.getMessage("field.rule." + v.getPropertyPath(), null, v.getPropertyPath() + ": ", locale())
                            + v.getMessage());
            return "redirect:/admin/integrations";
        }
        try {
            rules.save(id, draft, actor.getName());
            redirect.addFlashAttribute("flash", "flash.ruleSaved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", sentence(e));
        }
        return "redirect:/admin/integrations";
    }

    @PostMapping("/admin/integrations/rules/{id}/delete")
    String deleteRule(@PathVariable long id, RedirectAttributes redirect) {
        rules.delete(id);
        redirect.addFlashAttribute("flash", "flash.ruleDeleted");
        return "redirect:/admin/integrations";
    }

    /** {@code service=fenfu-online, severity="critical"}: one matcher per comma or line, quotes optional. */
    static Map<String, String> parseMatchers(String text) {
        Map<String, String> matchers = new LinkedHashMap<>();
        if (text == null) {
            return matchers;
        }
        for (String part : text.split("[,\\n]")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = part.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            matchers.put(part.substring(0, eq).trim(), value);
        }
        return matchers;
    }

    private String sentence(InvalidInputException e) {
        InvalidInputException.Violation v = e.violations().get(0);
        return messages.getMessage("field.rule." + v.field(), null, v.field() + ": ", locale())
                + messages.getMessage(v.messageKey(), v.args(), locale());
    }

    private static String target(String back) {
        return "dashboard".equals(back) ? "/admin" : "/admin/integrations";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
