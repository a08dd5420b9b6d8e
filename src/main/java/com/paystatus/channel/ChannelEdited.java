package com.paystatus.channel;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.PublicChange;
import java.util.function.Function;

/** A channel's names, description, group, order or suggested alternatives were edited. */
public record ChannelEdited(ChannelRecord before, ChannelRecord after) implements PublicChange, Auditable {

    @Override
    public Audited audited() {
        return Audited.of("channel.update", "channel/" + after.slug(), compare(before, after));
    }

    /** Each described field that differs; {@code before} is null for a new channel. */
    static AuditDetails compare(ChannelRecord before, ChannelRecord after) {
        AuditDetails details = AuditDetails.none();
        details = field(details, "nameZh", before, after, ChannelRecord::nameZh);
        details = field(details, "nameEn", before, after, ChannelRecord::nameEn);
        details = field(details, "descriptionZh", before, after, ChannelRecord::descriptionZh);
        details = field(details, "descriptionEn", before, after, ChannelRecord::descriptionEn);
        details = field(details, "groupZh", before, after, ChannelRecord::groupZh);
        details = field(details, "groupEn", before, after, ChannelRecord::groupEn);
        details = field(details, "displayOrder", before, after, ChannelRecord::displayOrder);
        return field(details, "alternatives", before, after, ChannelRecord::alternatives);
    }

    private static AuditDetails field(
            AuditDetails details,
            String name,
            ChannelRecord before,
            ChannelRecord after,
            Function<ChannelRecord, Object> value) {
        return details.withChange(name, before == null ? null : value.apply(before), value.apply(after));
    }
}
