package com.paystatus.admin;

import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.SetState;
import com.paystatus.maintenance.MaintenanceDraft;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.NoticeTemplateService;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The commands' text limits as the admin pages' {@code maxlength} reads them ({@code ${limits.title}}),
 * so a page never states a limit of its own.
 */
@ControllerAdvice(basePackageClasses = TextLimits.class)
class TextLimits {

    record Limits(
            int noticeTitle,
            int noticeMessage,
            int postmortem,
            int maintenanceTitle,
            int maintenanceMessage,
            int stateReason,
            int templateName,
            int channelSlug,
            int channelName,
            int channelDescription,
            int channelGroup) {}

    private static final Limits LIMITS = new Limits(
            NoticeDraft.MAX_TITLE,
            NoticeDraft.MAX_MESSAGE,
            NoticeService.MAX_POSTMORTEM,
            MaintenanceDraft.MAX_TITLE,
            MaintenanceDraft.MAX_MESSAGE,
            SetState.MAX_REASON,
            NoticeTemplateService.MAX_NAME,
            ChannelDetails.MAX_SLUG,
            ChannelDetails.MAX_NAME,
            ChannelDetails.MAX_DESCRIPTION,
            ChannelDetails.MAX_GROUP);

    @ModelAttribute("limits")
    Limits limits() {
        return LIMITS;
    }
}
