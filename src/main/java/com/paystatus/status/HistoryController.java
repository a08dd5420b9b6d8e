package com.paystatus.status;

import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.InvalidInputException.Violation;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every notice ever posted, newest first, twenty to a page, filterable by channel and kind. It queries
 * the database rather than the snapshot; the public page cache keeps each page and filter once per
 * revision. Unknown filters are told apart with the snapshot alone, without a query.
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
        int number = HistoryQuery.pageNumber(page);
        StatusSnapshot snapshot = snapshots.current();
        model.addAttribute("status", snapshot);
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("channelFilter", channel);
        model.addAttribute("kindFilter", kind);
        if (!HistoryQuery.isKnownChannel(channel, snapshot)) {
            model.addAttribute("filterError", new Violation("channel", "validation.unknownChannel", channel));
            return "history";
        }
        if (!HistoryQuery.isKnownKind(kind)) {
            model.addAttribute("filterError", new Violation("kind", "validation.unknownKind", kind));
            return "history";
        }
        try {
            Page<NoticeRecord> found = notices.history(channel, kind, number - 1, PAGE_SIZE);
            model.addAttribute("notices", found);
            model.addAttribute("pageNumber", number);
        } catch (InvalidInputException e) {
            model.addAttribute("filterError", e.violations().get(0));
        }
        return "history";
    }
}
