package com.paystatus.status;

import java.util.List;
import java.util.Locale;

/** A heading on the status page and its channels, in display order; {@code id} is the channel group's. */
public record GroupView(long id, String nameZh, String nameEn, List<ChannelView> channels) {

    public String name(Locale locale) {
        return Localized.pick(locale, nameZh, nameEn);
    }
}
