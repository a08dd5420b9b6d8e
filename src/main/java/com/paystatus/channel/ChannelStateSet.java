package com.paystatus.channel;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.PublicChange;

/**
 * An operator set a channel's own state. What the public sees may still be worse, held by open notices:
 * {@code channel.state()} says.
 */
public record ChannelStateSet(ChannelRecord channel, ChannelState before, String reason)
        implements PublicChange, Auditable {

    @Override
    public Audited audited() {
        return Audited.of(
                "channel.state",
                "channel/" + channel.slug(),
                AuditDetails.none()
                        .withChange("state", before.code(), channel.ownState().code())
                        .withNote("reason", reason));
    }
}
