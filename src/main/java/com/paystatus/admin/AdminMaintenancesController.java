package com.paystatus.admin;

import com.paystatus.channel.ChannelService;
import com.paystatus.maintenance.ExtendMaintenance;
import com.paystatus.maintenance.MaintenanceDraft;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.maintenance.MaintenanceService;
import com.paystatus.shared.ConflictException;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.PayStatusProperties;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Scheduling maintenance windows from the admin pages, and starting, extending or completing them. */
@Controller
class AdminMaintenancesController {

    private final MaintenanceService maintenances;
    private final ChannelService channels;
    private final MessageSource messages;
    private final Commands commands;
    private final ZoneId zone;
    private final Clock clock;

    AdminMaintenancesController(
            MaintenanceService maintenances,
            ChannelService channels,
            MessageSource messages,
            Commands commands,
            PayStatusProperties properties,
            Clock clock) {
        this.maintenances = maintenances;
        this.channels = channels;
        this.messages = messages;
        this.commands = commands;
        this.zone = properties.zone();
        this.clock = clock;
    }

    @GetMapping("/admin/maintenances")
    String list(Model model) {
        model.addAttribute(
                "maintenances", maintenances.currentOrEndedSince(clock.instant().minus(Duration.ofDays(30))));
        model.addAttribute("now", clock.instant());
        model.addAttribute("form", new MaintenanceForm());
        model.addAttribute("channels", channels.all());
        return "admin/maintenances";
    }

    @PostMapping("/admin/maintenances")
    String schedule(
            @ModelAttribute("form") MaintenanceForm form,
            BindingResult result,
            Principal actor,
            Model model,
            RedirectAttributes redirect) {
        MaintenanceDraft command = form.toDraft(zone);
        commands.validate(command, result);
        if (result.hasErrors()) {
            FormErrors.show(maintenances.check(command), result);
        } else {
            try {
                MaintenanceRecord scheduled = maintenances.schedule(command, actor.getName());
                redirect.addFlashAttribute("flash", "flash.maintenanceScheduled");
                return "redirect:/admin/maintenances/" + scheduled.id();
            } catch (InvalidInputException e) {
                FormErrors.show(e, result);
            }
        }
        model.addAttribute(
                "maintenances", maintenances.currentOrEndedSince(clock.instant().minus(Duration.ofDays(30))));
        model.addAttribute("now", clock.instant());
        model.addAttribute("channels", channels.all());
        return "admin/maintenances";
    }

    @GetMapping("/admin/maintenances/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("maintenance", maintenances.get(id));
        model.addAttribute("now", clock.instant());
        return "admin/maintenance";
    }

    @PostMapping("/admin/maintenances/{id}/start")
    String start(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String message,
            Principal actor,
            RedirectAttributes redirect) {
        return act(
                id, redirect, "flash.maintenanceStarted", () -> maintenances.startEarly(id, message, actor.getName()));
    }

    @PostMapping("/admin/maintenances/{id}/extend")
    String extend(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime endsAt,
            @RequestParam(defaultValue = "") String message,
            Principal actor,
            RedirectAttributes redirect) {
        ExtendMaintenance command = new ExtendMaintenance(MaintenanceForm.at(endsAt, zone), message);
        DirectFieldBindingResult result = new DirectFieldBindingResult(command, "extend");
        commands.validate(command, result);
        if (result.hasErrors()) {
            redirect.addFlashAttribute("flashError", FormErrors.sentence(result, messages));
            return "redirect:/admin/maintenances/" + id;
        }
        return act(id, redirect, "flash.maintenanceExtended", () -> maintenances.extend(id, command, actor.getName()));
    }

    @PostMapping("/admin/maintenances/{id}/complete")
    String complete(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String message,
            Principal actor,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "flash.maintenanceCompleted",
                () -> maintenances.completeEarly(id, message, actor.getName()));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", FormErrors.sentence(e, messages));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/maintenances/" + id;
    }
}
