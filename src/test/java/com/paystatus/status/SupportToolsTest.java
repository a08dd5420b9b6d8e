package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.NoticeDrafts;
import com.paystatus.support.Pages;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.HtmlUtils;

/** What support staff take from a channel or notice page: the link, its QR code, a ready reply, a good preview. */
@FullAppTest
class SupportToolsTest extends HttpTestBase {

    /** 18:00 in Shanghai on the test clock's day (it is 10:00 there). */
    private static final Instant SIX_PM = Instant.parse("2026-11-25T10:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    NoticeService notices;

    private String text(String uri) {
        var result = mvc.get().uri(uri).exchange();
        assertThat(result).hasStatusOk();
        return HtmlUtils.htmlUnescape(Pages.body(result));
    }

    private NoticeRecord maintenanceOnline() {
        return notices.post(
                NoticeDrafts.of("maintenance", "系统升级")
                        .message("线上购物升级中")
                        .affecting("fenfu-online", "unavailable")
                        .recoveryAt(SIX_PM)
                        .build(),
                "ops");
    }

    private void resolve(NoticeRecord notice) {
        notices.postUpdate(notice.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops");
    }

    @Test
    void theChannelPageOffersAReadyReplyInChineseAndEnglish() {
        NoticeRecord notice = maintenanceOnline();
        try {
            String page = text("/channels/fenfu-online");
            assertThat(page)
                    .contains("您好，分付 · 线上购物目前暂不能使用，原因：系统维护，预计 18:00 恢复。"
                            + "您可以先使用微信支付（零钱）、支付宝或银行卡。最新进展：http://localhost/channels/fenfu-online")
                    .contains("Hello, Fenfu · Online shopping is temporarily unavailable at the moment. "
                            + "Cause: maintenance; expected back at 18:00. "
                            + "Meanwhile you can pay with WeChat Pay (balance), Alipay or Bank card. "
                            + "Latest updates: http://localhost/channels/fenfu-online");
        } finally {
            resolve(notice);
        }
    }

    @Test
    void repliesFollowTheStatus() {
        assertThat(text("/channels/alipay"))
                .contains("您好，支付宝目前正常可用。如果您仍然无法付款，请告诉我们具体情况。最新状态：http://localhost/channels/alipay");

        NoticeRecord notice = notices.post(
                new NoticeDraft(
                        "分付暂不能使用",
                        "fault",
                        "排查中",
                        Map.of("fenfu-online", "unavailable", "fenfu-offline", "degraded"),
                        null,
                        Estimate.UNKNOWN),
                "ops");
        String open = text("/notices/" + notice.id());
        assertThat(open)
                .containsAnyOf(
                        "您好，分付 · 线上购物和分付 · 线下扫码目前暂不能使用，原因：技术故障，恢复时间待定。",
                        "您好，分付 · 线下扫码和分付 · 线上购物目前暂不能使用，原因：技术故障，恢复时间待定。");
        assertThat(open).contains("您可以先使用微信支付（零钱）、支付宝或银行卡。最新进展：http://localhost/notices/" + notice.id());

        resolve(notice);
        assertThat(text("/notices/" + notice.id()))
                .contains("已于 10:00 恢复正常。详情：http://localhost/notices/" + notice.id());
    }

    @Test
    void theQrCodeOpensTheSamePage() throws Exception {
        var result = mvc.get().uri("/channels/fenfu-transit/qr.png").exchange();
        assertThat(result).hasStatusOk().hasContentType("image/png");
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("max-age=86400");
        var image = ImageIO.read(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
        var decoded = new MultiFormatReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
        assertThat(decoded.getText()).isEqualTo("http://localhost/channels/fenfu-transit");

        assertThat(text("/channels/fenfu-transit")).contains("src=\"/channels/fenfu-transit/qr.png\"");
        assertThat(mvc.get().uri("/channels/nope/qr.png").exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/notices/987654/qr.png").exchange()).hasStatus(404);
    }

    @Test
    void linkPreviewsNameTheChannelItsStateAndWhatToDo() {
        NoticeRecord notice = maintenanceOnline();
        try {
            String page = text("/channels/fenfu-online");
            assertThat(page)
                    .contains("<meta property=\"og:title\" content=\"分付 · 线上购物 · 暂不能使用\">")
                    .contains("<meta property=\"og:url\" content=\"http://localhost/channels/fenfu-online\">")
                    .contains("<meta property=\"og:description\" content=\"您好，分付 · 线上购物目前暂不能使用，原因：系统维护");
            assertThat(text("/")).contains("<meta property=\"og:description\" content=\"1 个支付通道受影响：分付 · 线上购物\">");
            assertThat(text("/?lang=en")).contains("content=\"1 payment channel affected: Fenfu · Online shopping\"");
        } finally {
            resolve(notice);
        }
    }

    @Test
    void aResolvedNoticeCanCarryAPostmortem() {
        NoticeRecord notice = maintenanceOnline();
        // over real HTTP: a JSON body is read by the request-body deadline, which needs a real container
        assertThat(http.adminJson("PUT", "/api/admin/notices/" + notice.id() + "/postmortem", """
                        {"postmortem": "# 复盘\\n**原因**：扩容不及时"}""")
                        .statusCode())
                .isEqualTo(409);
        resolve(notice);
        assertThat(http.adminJson("PUT", "/api/admin/notices/" + notice.id() + "/postmortem", """
                        {"postmortem": "**原因**：扩容不及时 <script>alert(1)</script>"}""")
                        .statusCode())
                .isEqualTo(200);
        String raw = Pages.body(mvc.get().uri("/notices/" + notice.id()).exchange());
        assertThat(raw).contains("事后复盘").contains("<strong>原因</strong>").doesNotContain("<script>alert(1)");
    }
}
