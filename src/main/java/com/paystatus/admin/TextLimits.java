package com.paystatus.admin;

import com.paystatus.channel.SetState;
import com.paystatus.maintenance.MaintenanceDraft;
import com.paystatus.notice.NoticeDraft;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The commands' text limits as the admin pages' {@code maxlength} reads them ({@code ${limits.title}}),
 * so a page never states a limit of its own.
 */
@ControllerAdvice(basePackageClasses = TextLimits.class)
class TextLimits {

    record Limits(int noticeTitle, int noticeMessage, int maintenanceTitle, int maintenanceMessage, int stateReason) {}

    private static final Limits LIMITS = new Limits(
            NoticeDraft.MAX_TITLE,
            NoticeDraft.MAX_MESSAGE,
            MaintenanceDraft.MAX_TITLE,
            MaintenanceDraft.MAX_MESSAGE,
            SetState.MAX_REASON);

    @ModelAttribute("limits")
    Limits limits() {
        return LIMITS;
    }
}
