package com.paystatus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Operators' Markdown becomes readable HTML, and nothing that could run reaches a reader. */
class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void ordinaryMarkdownRenders() {
        assertThat(markdown.html("**已定位**：支付网关压力过大\n\n- 正在扩容\n- 预计 18:00 恢复"))
                .startsWith("<p><strong>已定位</strong>")
                .contains("支付网关压力过大</p>")
                .contains("<ul><li>正在扩容</li><li>预计 18:00 恢复</li></ul>");
    }

    @Test
    void headingsShowAsHeadingsBelowThePagesOwn() {
        assertThat(markdown.html("# 经过\n\n## 原因\n\n### 细节\n\n#### 更细"))
                .isEqualTo("<h3>经过</h3>\n<h3>原因</h3>\n<h4>细节</h4>\n<h5>更细</h5>\n");
    }

    @Test
    void lineBreaksTheOperatorTypedAreKept() {
        assertThat(markdown.html("第一行\n第二行")).isEqualTo("<p>第一行<br />第二行</p>\n");
    }

    @Test
    void linksGetSafeRelsAndBareUrlsBecomeLinks() {
        String html = markdown.html("详见 https://status.example.com/notices/1");
        assertThat(html).contains("<a href=\"https://status.example.com/notices/1\" rel=\"");
        String rel = html.replaceAll("(?s).*rel=\"([^\"]*)\".*", "$1");
        assertThat(rel.split(" ")).containsExactlyInAnyOrder("nofollow", "noopener", "noreferrer");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "[点我](javascript:alert(1))",
                "[点我](JaVaScRiPt:alert(1))",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "![x](https://evil.example/x.png \"onerror=alert(1)\")",
                "<svg onload=alert(1)>",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "<div style=\"background:url(javascript:alert(1))\">x</div>"
            })
    void nothingThatCouldRunSurvives(String attack) {
        String html = markdown.html(attack).toLowerCase();
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("<iframe")
                .doesNotContain("<svg")
                .doesNotContain("<div")
                .doesNotContain("onerror=\"")
                .doesNotContain("href=\"javascript")
                .doesNotContain("href=\"data:")
                .doesNotContain("style=");
    }

    @Test
    void rawHtmlIsShownAsTextNotDropped() {
        assertThat(markdown.html("价格 <b>以页面为准</b>")).isEqualTo("<p>价格 &lt;b&gt;以页面为准&lt;/b&gt;</p>\n");
    }

    @Test
    void blankIsEmpty() {
        assertThat(markdown.html(null)).isEmpty();
        assertThat(markdown.html("  ")).isEmpty();
    }
}
