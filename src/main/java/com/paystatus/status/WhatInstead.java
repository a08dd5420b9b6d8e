package com.paystatus.status;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.maintenance.MaintenanceStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the first screen and a notice's stable link owe a worried reader besides the state: the
 * channels to pay with meanwhile, and maintenance that is coming (a card that reads 正常可用 must
 * still say that tomorrow it will not be).
 */
final class WhatInstead {

    private WhatInstead() {}

    /**
     * The usable channels suggested for any of the notice's channels, none of which the notice
     * itself affects, in the order the channels suggest them.
     */
    static List<ChannelRecord> alternatives(Map<String, ?> noticeChannels, StatusSnapshot status) {
        Map<String, ChannelRecord> found = new LinkedHashMap<>();
        noticeChannels.keySet().stream()
                .sorted()
                .flatMap(slug -> status.channel(slug).stream())
                .flatMap(view -> view.alternatives().stream())
                .filter(alternative -> !noticeChannels.containsKey(alternative.slug()))
                .forEach(alternative -> found.putIfAbsent(alternative.slug(), alternative));
        return List.copyOf(found.values());
    }

    /** Scheduled windows, soonest first. */
    static List<MaintenanceRecord> coming(StatusSnapshot status, Instant now) {
        return status.maintenances(MaintenanceStatus.SCHEDULED, now).stream()
                .sorted(Comparator.comparing(MaintenanceRecord::effectiveStart))
                .toList();
    }

    /** Each channel's soonest scheduled window. */
    static Map<String, MaintenanceRecord> nextPerChannel(StatusSnapshot status, Instant now) {
        Map<String, MaintenanceRecord> next = new HashMap<>();
        for (MaintenanceRecord m : coming(status, now)) {
            m.channels().forEach(slug -> next.putIfAbsent(slug, m));
        }
        return next;
    }
}
