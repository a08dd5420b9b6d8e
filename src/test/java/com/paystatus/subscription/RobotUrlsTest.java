package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A robot's URL shown to admins: enough to tell robots apart, never enough to post to one. */
class RobotUrlsTest {

    @Test
    void eachVendorsTokenIsHiddenButItsLastCharacters() {
        assertThat(RobotUrls.mask(
                        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7a5e-4c3b-9f1e-2d8c7b6a8d30"))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…8d30");
        assertThat(RobotUrls.mask("https://oapi.dingtalk.com/robot/send?access_token=5f1e0b0c3a9d4e8f7b6a5c4d3e2f1a0b"))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=…1a0b");
        assertThat(RobotUrls.mask("https://open.feishu.cn/open-apis/bot/v2/hook/0c9e3a2b-5d4f-4e6a-8b7c-1d2e3f4a5b6c"))
                .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/…5b6c");
    }

    @Test
    void userInfoFragmentsAndShortValuesAreNeverShown() {
        String masked =
                RobotUrls.mask("https://user:p4ssw0rd@robots.example.com:8443/send?key=abc&sig=0123456789#frag");

        assertThat(masked).isEqualTo("https://robots.example.com:8443/send?key=…&sig=…6789");
        assertThat(masked).doesNotContain("p4ssw0rd").doesNotContain("abc").doesNotContain("frag");
    }

    @Test
    void whatIsNotAnAbsoluteUrlIsHiddenWhole() {
        assertThat(RobotUrls.mask("not a url with secret 693a91f6")).isEqualTo("…");
        assertThat(RobotUrls.mask("/relative?key=693a91f6-7a5e")).isEqualTo("…");
        assertThat(RobotUrls.mask(null)).isEmpty();
        assertThat(RobotUrls.mask("  ")).isEmpty();
    }
}
