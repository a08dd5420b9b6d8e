package com.paystatus.report;

import com.paystatus.shared.Coded;

/** What the detector says of a channel's reports: nothing unusual, a possible problem, a detected one. */
public enum SpikeLevel implements Coded {
    NONE("none"),
    POSSIBLE("possible"),
    DETECTED("detected");

    private final String code;

    SpikeLevel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean isFlagged() {
        return this != NONE;
    }

    public SpikeLevel max(SpikeLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
