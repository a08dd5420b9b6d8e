package com.paystatus.admin;

import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The choices the admin forms offer: every state, kind and status, in vocabulary order. */
@ControllerAdvice(
        assignableTypes = {AdminDashboardController.class, AdminNoticesController.class, AdminTemplatesController.class
        })
class AdminVocabulary {

    @ModelAttribute("states")
    ChannelState[] states() {
        return ChannelState.values();
    }

    @ModelAttribute("kinds")
    NoticeKind[] kinds() {
        return NoticeKind.values();
    }

    @ModelAttribute("statuses")
    NoticeStatus[] statuses() {
        return NoticeStatus.values();
    }
}
