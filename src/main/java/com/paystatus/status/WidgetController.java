package com.paystatus.status;

import com.paystatus.shared.PageLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The embeddable widget: a tiny page, meant for an {@code <iframe>} on another site, that shows the
 * overall state from the status snapshot, refreshes itself every minute and links to the board. The
 * public page cache keeps it, one copy per language, and sets its caching headers. The refresh is the
 * HTTP {@code Refresh} header, which HTML defines as the same declarative refresh as {@code <meta
 * http-equiv="refresh">}: the widget has no script (its CSP allows none) and one line to read.
 */
@Controller
class WidgetController {

    static final int REFRESH_SECONDS = 60;

    private final StatusSnapshots snapshots;
    private final PageLinks links;

    WidgetController(StatusSnapshots snapshots, PageLinks links) {
        this.snapshots = snapshots;
        this.links = links;
    }

    @GetMapping("/widget")
    String widget(Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Refresh", Integer.toString(REFRESH_SECONDS));
        model.addAttribute("status", snapshots.current());
        model.addAttribute("boardUrl", links.absolute(request, "/"));
        return "widget";
    }
}
