package com.paystatus.notice;

import com.paystatus.shared.Coded;
import com.paystatus.shared.CodedConverter;

/** Why a notice was posted: the cause a person reads first. */
public enum NoticeKind implements Coded {
    FAULT("fault"),
    MAINTENANCE("maintenance"),
    COMPLIANCE("compliance"),
    INFO("info");

    private final String code;

    NoticeKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Every kind but {@code info} is about channels that people cannot use as usual. */
    public boolean needsChannels() {
        return this != INFO;
    }

    static class Converter extends CodedConverter<NoticeKind> {
        Converter() {
            super(NoticeKind.class);
        }
    }
}
