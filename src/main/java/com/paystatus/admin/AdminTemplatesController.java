package com.paystatus.admin;

import com.paystatus.channel.ChannelService;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeTemplateService;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.PayStatusProperties;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Keeping notice templates, so that an outage notice takes one screen to post. */
@Controller
class AdminTemplatesController {

    private final NoticeTemplateService templates;
    private final ChannelService channels;
    private final Commands commands;
    private final ZoneId zone;

    AdminTemplatesController(
            NoticeTemplateService templates,
            ChannelService channels,
            Commands commands,
            PayStatusProperties properties) {
        this.templates = templates;
        this.channels = channels;
        this.commands = commands;
        this.zone = properties.zone();
    }

    @GetMapping("/admin/templates")
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        return "admin/templates";
    }

    @GetMapping("/admin/templates/new")
    String newTemplate(Model model) {
        return form(new TemplateForm(), null, model);
    }

    @GetMapping("/admin/templates/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return form(TemplateForm.of(templates.get(id)), id, model);
    }

    @PostMapping("/admin/templates")
    String create(
            @ModelAttribute("form") TemplateForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        return save(null, form, result, model, redirect);
    }

    @PostMapping("/admin/templates/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") TemplateForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        templates.get(id);
        return save(id, form, result, model, redirect);
    }

    @PostMapping("/admin/templates/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        templates.delete(id);
        redirect.addFlashAttribute("flash", "flash.templateDeleted");
        return "redirect:/admin/templates";
    }

    private String save(Long id, TemplateForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        NoticeDraft notice = form.toDraft(zone);
        commands.validate(notice, result);
        if (result.hasErrors()) {
            FormErrors.show(templates.check(id, form.getName(), notice), result);
        } else {
            try {
                templates.save(id, form.getName(), notice);
                redirect.addFlashAttribute("flash", "flash.templateSaved");
                return "redirect:/admin/templates";
            } catch (InvalidInputException e) {
                FormErrors.show(e, result);
            }
        }
        return form(form, id, model);
    }

    private String form(TemplateForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("templateId", id);
        model.addAttribute("channels", channels.all());
        return "admin/template-form";
    }
}
