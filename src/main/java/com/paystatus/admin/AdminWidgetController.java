package com.paystatus.admin;

import com.paystatus.shared.PageLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Where admins copy the one-line widget snippet for other sites, and find the badges, feeds and the
 * public API's addresses.
 */
@Controller
class AdminWidgetController {

    private final PageLinks links;
    private final MessageSource messages;

    AdminWidgetController(PageLinks links, MessageSource messages) {
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/admin/widget")
    String widget(Model model, HttpServletRequest request) {
        String base = links.absolute(request, "");
        model.addAttribute("base", base);
        model.addAttribute("snippetZh", snippet(base + "/widget", Locale.SIMPLIFIED_CHINESE));
        model.addAttribute("snippetEn", snippet(base + "/widget?lang=en", Locale.ENGLISH));
        model.addAttribute(
                "publicUrls",
                List.of(
                        base + "/history.atom",
                        base + "/history.rss",
                        base + "/api/v2/summary.json",
                        base + "/api/v2/status.json"));
        return "admin/widget";
    }

    /** The one line to paste: an iframe, escaped for HTML. */
    private String snippet(String src, Locale locale) {
        String title = messages.getMessage("admin.widget.frameTitle", null, locale);
        return "<iframe src=\"%s\" title=\"%s\" width=\"300\" height=\"44\" style=\"border:0\" loading=\"lazy\"></iframe>"
                .formatted(HtmlUtils.htmlEscape(src), HtmlUtils.htmlEscape(title));
    }
}
