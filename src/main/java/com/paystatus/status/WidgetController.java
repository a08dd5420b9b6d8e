package com.paystatus.status;

import com.paystatus.shared.PageLinks;
import com.paystatus.status.cache.PublicPageCache;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The embeddable widget: a tiny page, meant for an {@code <iframe>} on another site, that shows the
 * overall state from the status snapshot, refreshes itself every minute and links to the board.
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
        response.setHeader(HttpHeaders.CACHE_CONTROL, PublicPageCache.CACHE_CONTROL.getHeaderValue());
        // The language may come from Accept-Language: caches must keep one copy per language.
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        model.addAttribute("status", snapshots.current());
        model.addAttribute("boardUrl", links.absolute(request, "/"));
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        return "widget";
    }
}
