package com.paystatus.status;

/**
 * What people report about a channel, as the public pages and {@code /api/v2} show it beside the
 * operator's state. The report module offers it; the read side asks for it when it renders (once
 * per page and minute, see the page cache), so a report never bumps the status revision. Without a
 * report module every channel has no reports.
 */
public interface UserReports {

    UserReports NONE = slug -> ReportFigures.EMPTY;

    /** The figures of one channel, as of at most a minute ago; never null. */
    ReportFigures of(String slug);
}
