package com.paystatus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Operators are told things in Chinese, with the numbers and names put in. */
class OperatorTextsTest {

    @Test
    void textsAreTheChineseMessagesWithTheirPlaceholdersFilled() {
        assertThat(OperatorTexts.bundled().text("operator.stale.title", 4213L, 30L))
                .isEqualTo("公告 #4213 已 30 分钟没有更新");
        assertThat(OperatorTexts.bundled().text("subscription.alert.disabled.title", "https://hooks.example/***"))
                .isEqualTo("已停用通知接收方 https://hooks.example/***");
        assertThat(OperatorTexts.bundled().text("channel.state.unavailable")).isEqualTo("暂不能使用");
    }
}
