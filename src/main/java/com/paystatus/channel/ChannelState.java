package com.paystatus.channel;

import com.paystatus.shared.Coded;
import java.util.Collection;
import java.util.Comparator;

/**
 * What a person can expect when paying through a channel. Ordered by severity, so that a channel
 * held by several causes shows the worst of them.
 */
public enum ChannelState implements Coded {
    AVAILABLE("available", 0),
    DEGRADED("degraded", 1),
    MAINTENANCE("maintenance", 2),
    COMPLIANCE_REVIEW("compliance_review", 3),
    UNAVAILABLE("unavailable", 4);

    private final String code;
    private final int severity;

    ChannelState(String code, int severity) {
        this.code = code;
        this.severity = severity;
    }

    @Override
    public String code() {
        return code;
    }

    public int severity() {
        return severity;
    }

    /** Whether people can pay with the channel at all (degraded still works, slowly or partly). */
    public boolean isUsable() {
        return this == AVAILABLE || this == DEGRADED;
    }

    public boolean isWorseThan(ChannelState other) {
        return severity > other.severity;
    }

    /** The worst of the given states, or {@code AVAILABLE} when there are none. */
    public static ChannelState worst(Collection<ChannelState> states) {
        return states.stream()
                .max(Comparator.comparingInt(ChannelState::severity))
                .orElse(AVAILABLE);
    }

    static class Converter extends com.paystatus.shared.CodedConverter<ChannelState> {
        Converter() {
            super(ChannelState.class);
        }
    }
}
