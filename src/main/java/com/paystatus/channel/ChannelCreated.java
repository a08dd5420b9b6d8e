package com.paystatus.channel;

import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.PublicChange;

/** A channel was added; it is listed, available, from now on. */
public record ChannelCreated(ChannelRecord channel) implements PublicChange, Auditable {

    @Override
    public Audited audited() {
        return Audited.of("channel.create", "channel/" + channel.slug(), ChannelEdited.compare(null, channel));
    }
}
