package com.paystatus.status;

import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.shared.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every notice ever posted, newest first, twenty to a page, filterable by channel and kind. A deep
 * page that few read: it queries the database rather than the snapshot.
 */
@Controller
class HistoryController {

    static final int PAGE_SIZE = 20;

    private final NoticeService notices;
    private final StatusSnapshots snapshots;

    HistoryController(NoticeService notices, StatusSnapshots snapshots) {
        this.notices = notices;
        this.snapshots = snapshots;
    }

    @GetMapping("/history")
    String history(
            @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "1") String page,
            Model model) {
        int number = pageNumber(page);
        model.addAttribute("status", snapshots.current());
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("channelFilter", channel);
        model.addAttribute("kindFilter", kind);
        try {
            Page<NoticeRecord> found = notices.history(channel, kind, number - 1, PAGE_SIZE);
            model.addAttribute("notices", found);
            model.addAttribute("pageNumber", number);
        } catch (InvalidInputException e) {
            model.addAttribute("filterError", e.violations().get(0));
        }
        return "history";
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(page.trim()), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
