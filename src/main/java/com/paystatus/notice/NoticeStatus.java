package com.paystatus.notice;

import com.paystatus.shared.Coded;
import com.paystatus.shared.CodedConverter;

/**
 * Where the work on a notice stands. Open statuses may follow one another in any order (a fix that
 * did not hold sends a notice back to {@code investigating}); {@code resolved} is final.
 */
public enum NoticeStatus implements Coded {
    INVESTIGATING("investigating"),
    IDENTIFIED("identified"),
    MONITORING("monitoring"),
    RESOLVED("resolved");

    private final String code;

    NoticeStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }

    public boolean canTransitionTo(NoticeStatus next) {
        return isOpen() && next != null;
    }

    static class Converter extends CodedConverter<NoticeStatus> {
        Converter() {
            super(NoticeStatus.class);
        }
    }
}
