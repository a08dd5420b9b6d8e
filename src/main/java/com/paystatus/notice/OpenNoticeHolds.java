package com.paystatus.notice;

import com.paystatus.channel.StateHold;
import com.paystatus.channel.StateHolds;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the channel feature which open notices hold which channels. */
@Component
class OpenNoticeHolds implements StateHolds {

    private final NoticeRepository notices;

    OpenNoticeHolds(NoticeRepository notices) {
        this.notices = notices;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StateHold> holdsAt(Instant now) {
        return notices.findOpenHolds();
    }
}
