package com.paystatus.admin;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.channel.SetState;
import com.paystatus.shared.Coded;
import com.paystatus.shared.InvalidInputException;
import java.security.Principal;
import org.springframework.context.MessageSource;
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

/** Adding and editing channels, and setting a channel's state directly with a reason. */
@Controller
class AdminChannelsController {

    private final ChannelService channels;
    private final MessageSource messages;
    private final Commands commands;

    AdminChannelsController(ChannelService channels, MessageSource messages, Commands commands) {
        this.channels = channels;
        this.messages = messages;
        this.commands = commands;
    }

    @GetMapping("/admin/channels")
    String list(Model model) {
        model.addAttribute("channels", channels.all());
        return "admin/channels";
    }

    @GetMapping("/admin/channels/new")
    String newChannel(Model model) {
        return form(new ChannelForm(), true, model);
    }

    @PostMapping("/admin/channels")
    String create(
            @ModelAttribute("form") ChannelForm form,
            BindingResult result,
            Principal actor,
            Model model,
            RedirectAttributes redirect) {
        commands.validate(form.toDetails(), result);
        if (!result.hasErrors()) {
            try {
                channels.create(form.getSlug(), form.toDetails(), actor.getName());
                redirect.addFlashAttribute("flash", "flash.channelSaved");
                return "redirect:/admin/channels";
            } catch (InvalidInputException e) {
                FormErrors.show(e, result);
            }
        }
        return form(form, true, model);
    }

    @GetMapping("/admin/channels/{slug}/edit")
    String edit(@PathVariable String slug, Model model) {
        return form(ChannelForm.of(channels.get(slug)), false, model);
    }

    @PostMapping("/admin/channels/{slug}")
    String save(
            @PathVariable String slug,
            @ModelAttribute("form") ChannelForm form,
            BindingResult result,
            Principal actor,
            Model model,
            RedirectAttributes redirect) {
        form.setSlug(slug);
        commands.validate(form.toDetails(), result);
        if (!result.hasErrors()) {
            try {
                channels.update(slug, form.toDetails(), actor.getName());
                redirect.addFlashAttribute("flash", "flash.channelSaved");
                return "redirect:/admin/channels";
            } catch (InvalidInputException e) {
                FormErrors.show(e, result);
            }
        }
        return form(form, false, model);
    }

    @PostMapping("/admin/channels/{slug}/state")
    String setState(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "") String reason,
            Principal actor,
            RedirectAttributes redirect) {
        SetState command = new SetState(state, reason);
        DirectFieldBindingResult result = new DirectFieldBindingResult(command, "state");
        commands.validate(command, result);
        Commands.show(channels.check(command), result, true);
        try {
            if (result.hasErrors()) {
                redirect.addFlashAttribute("flashError", FormErrors.sentence(result, messages));
                redirect.addFlashAttribute("errorChannel", slug);
                return "redirect:/admin";
            }
            ChannelRecord channel = channels.setState(slug, command, actor.getName());
            ChannelState chosen = Coded.fromCode(ChannelState.class, state).orElseThrow();
            redirect.addFlashAttribute("flash", channel.state() == chosen ? "flash.stateSet" : "flash.stateHeld");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", FormErrors.sentence(e, messages));
            redirect.addFlashAttribute("errorChannel", slug);
        }
        return "redirect:/admin";
    }

    private String form(ChannelForm form, boolean isNew, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("isNew", isNew);
        model.addAttribute("channels", channels.all());
        return "admin/channel-form";
    }
}
