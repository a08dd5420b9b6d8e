package com.paystatus.subscription;

import com.paystatus.shared.Coded;

/** The chat vendors whose group robots PayStatus can post to; the code is the API's {@code type}. */
public enum RobotType implements Coded {
    /** 企业微信 group robot: a {@code key} in the URL, no signature. */
    WECOM("wecom"),
    /** 钉钉 custom robot: {@code access_token} in the URL, optionally signed ({@code timestamp} + {@code sign} in the query). */
    DINGTALK("dingtalk"),
    /** 飞书 custom bot: a hook id in the path, optionally signed ({@code timestamp} + {@code sign} in the body). */
    FEISHU("feishu");

    private final String code;

    RobotType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
