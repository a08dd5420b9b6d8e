package com.paystatus.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.Pages;
import com.paystatus.support.WebSession;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The operator's pages: the login door, CSRF, and forms that explain what is wrong and change nothing. */
@FullAppTest
class AdminPagesTest extends HttpTestBase {

    private static final RequestPostProcessor OPERATOR = user("admin").roles("ADMIN");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MockMvc mockMvc;

    @Autowired
    NoticeService notices;

    @Autowired
    ChannelService channels;

    private long latestNoticeId() throws Exception {
        Matcher m = Pattern.compile("/admin/notices/(\\d+)")
                .matcher(mvc.get()
                        .uri("/admin")
                        .with(OPERATOR)
                        .exchange()
                        .getResponse()
                        .getContentAsString());
        long max = 0;
        while (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(1)));
        }
        return max;
    }

    @Test
    void theAdminAreaAsksForALogin() {
        assertThat(mvc.get().uri("/admin").exchange())
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .endsWith("/login");
        assertThat(mvc.get().uri("/login").exchange()).hasStatusOk().bodyText().contains("登录管理后台");
    }

    @Test
    void theFirstAdminSignsInWithThePasswordFromTheEnvironment() throws Exception {
        // through the real login form, as a browser signs in
        var ok = new WebSession(port).login("admin", Http.ADMIN_PASSWORD);
        assertThat(WebSession.location(ok).replace(http.base(), "")).isEqualTo("/admin");
        var bad = new WebSession(port).login("admin", "admin");
        assertThat(WebSession.location(bad).replace(http.base(), "")).isEqualTo("/login?error");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        assertThat(mvc.post()
                        .uri("/admin/notices")
                        .with(OPERATOR)
                        .param("title", "x")
                        .param("kind", "fault")
                        .param("message", "m")
                        .param("channels[fenfu-online]", "unavailable")
                        .param("recoveryUnknown", "true")
                        .exchange())
                .hasStatus(403);
        assertThat(channels.get("fenfu-online").state()).isEqualTo(ChannelState.AVAILABLE);
    }

    @Test
    void aNoticeFormWithMistakesExplainsThemInChineseAndPostsNothing() throws Exception {
        long before = latestNoticeId();
        var result = mvc.post()
                .uri("/admin/notices")
                .with(OPERATOR)
                .with(csrf())
                .param("title", "")
                .param("kind", "fault")
                .param("message", "正在排查")
                .param("channels[fenfu-online]", "")
                .param("estimatedRecoveryAt", "2020-01-01T10:00")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyText()
                .contains("表单中有需要修改的地方")
                .contains("不能为空")
                .contains("请至少选择一个受影响的支付通道")
                .contains("预计恢复时间必须晚于现在")
                .contains("正在排查"); // what the operator typed is kept
        assertThat(latestNoticeId()).isEqualTo(before);
    }

    @Test
    void theEstimateMustBeGivenOrMarkedUnknown() {
        var result = mvc.post()
                .uri("/admin/notices")
                .with(OPERATOR)
                .with(csrf())
                .param("title", "分付暂不能使用")
                .param("kind", "fault")
                .param("message", "排查中")
                .param("channels[fenfu-online]", "unavailable")
                .exchange();
        assertThat(result).hasStatusOk().bodyText().contains("请填写预计恢复时间，或勾选“恢复时间待定”");
        // the limits the command declares are the ones the page states
        assertThat(result)
                .bodyText()
                .contains("maxlength=\"" + NoticeDraft.MAX_TITLE + "\"")
                .contains("maxlength=\"" + NoticeDraft.MAX_MESSAGE + "\"");
        assertThat(channels.get("fenfu-online").state()).isEqualTo(ChannelState.AVAILABLE);
    }

    @Test
    void anOperatorPostsUpdatesAndResolvesANoticeFromThePages() {
        var previewed = mvc.post()
                .uri("/admin/notices")
                .with(OPERATOR)
                .with(csrf())
                .param("title", "分付线下扫码暂不能使用")
                .param("kind", "fault")
                .param("message", "排查中")
                .param("channels[fenfu-offline]", "unavailable")
                .param("estimatedRecoveryAt", "2026-11-25T18:00") // Shanghai time; the test clock says 10:00
                .exchange();
        assertThat(previewed).hasStatusOk().bodyText().contains("1 个通道将显示“暂不能使用”");
        var posted = mvc.post()
                .uri("/admin/notices")
                .with(OPERATOR)
                .with(csrf())
                .param("title", "分付线下扫码暂不能使用")
                .param("kind", "fault")
                .param("message", "排查中")
                .param("channels[fenfu-offline]", "unavailable")
                .param("estimatedRecoveryAt", "2026-11-25T18:00")
                .param("publish", NoticePreviewTest.publishValue(Pages.body(previewed)))
                .exchange();
        assertThat(posted).hasStatus3xxRedirection();
        long id = Long.parseLong(posted.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        NoticeRecord notice = notices.get(id);
        assertThat(notice.estimatedRecoveryAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(channels.get("fenfu-offline").state()).isEqualTo(ChannelState.UNAVAILABLE);
        assertThat(posted).flash().containsEntry("flash", "flash.noticePosted");
        assertThat(mvc.get().uri("/admin/notices/" + id).with(OPERATOR).exchange())
                .hasStatusOk()
                .bodyText()
                .contains("预计 18:00 恢复");

        assertThat(mvc.post()
                        .uri("/admin/notices/" + id + "/updates")
                        .with(OPERATOR)
                        .with(csrf())
                        .param("status", "identified")
                        .param("message", "已定位，恢复时间待定")
                        .param("recoveryUnknown", "true")
                        .param("version", String.valueOf(notice.version()))
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(notices.get(id).estimatedRecoveryAt()).isNull();

        // a second operator, still looking at the first version, is told instead of overwriting
        var stale = mvc.post()
                .uri("/admin/notices/" + id + "/updates")
                .with(OPERATOR)
                .with(csrf())
                .param("status", "monitoring")
                .param("message", "已修复")
                .param("recoveryUnknown", "true")
                .param("version", String.valueOf(notice.version()))
                .exchange();
        assertThat(stale).hasStatusOk().bodyText().contains("刚被其他人更新过");
        assertThat(notices.get(id).updates()).hasSize(2);

        assertThat(mvc.post()
                        .uri("/admin/notices/" + id + "/updates")
                        .with(OPERATOR)
                        .with(csrf())
                        .param("status", "resolved")
                        .param("message", "服务已恢复正常")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(channels.get("fenfu-offline").state()).isEqualTo(ChannelState.AVAILABLE);

        var again = mvc.post()
                .uri("/admin/notices/" + id + "/updates")
                .with(OPERATOR)
                .with(csrf())
                .param("status", "investigating")
                .param("message", "又坏了")
                .param("recoveryUnknown", "true")
                .exchange();
        assertThat(again).hasStatusOk().bodyText().contains("已恢复，不能再更新");
        assertThat(notices.get(id).updates()).hasSize(3);
    }

    @Test
    void anOperatorSetsAStateDirectlyWithAReason() {
        assertThat(mvc.post()
                        .uri("/admin/channels/alipay/state")
                        .with(OPERATOR)
                        .with(csrf())
                        .param("state", "degraded")
                        .param("reason", "支付宝回调变慢")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(channels.get("alipay").state()).isEqualTo(ChannelState.DEGRADED);

        var noReason = mvc.post()
                .uri("/admin/channels/alipay/state")
                .with(OPERATOR)
                .with(csrf())
                .param("state", "available")
                .param("reason", "")
                .exchange();
        assertThat(noReason).hasStatus3xxRedirection();
        assertThat(noReason).flash().containsKey("flashError");
        assertThat(channels.get("alipay").state()).isEqualTo(ChannelState.DEGRADED);

        mvc.post()
                .uri("/admin/channels/alipay/state")
                .with(OPERATOR)
                .with(csrf())
                .param("state", "available")
                .param("reason", "已恢复")
                .exchange();
        assertThat(channels.get("alipay").state()).isEqualTo(ChannelState.AVAILABLE);
    }

    @Test
    void anOperatorAddsAChannelAndMistakesAreShownBesideTheFields() {
        var bad = mvc.post()
                .uri("/admin/channels")
                .with(OPERATOR)
                .with(csrf())
                .param("slug", "微信")
                .param("nameZh", "")
                .param("nameEn", "x")
                .param("groupZh", "其他支付方式")
                .param("groupEn", "Other ways to pay")
                .param("displayOrder", "5")
                .exchange();
        assertThat(bad).hasStatusOk().bodyText().contains("不能为空");

        var good = mvc.post()
                .uri("/admin/channels")
                .with(OPERATOR)
                .with(csrf())
                .param("slug", "digital-rmb")
                .param("nameZh", "数字人民币")
                .param("nameEn", "e-CNY")
                .param("groupZh", "其他支付方式")
                .param("groupEn", "Other ways to pay")
                .param("displayOrder", "5")
                .param("alternatives", "bank-card")
                .exchange();
        assertThat(good).hasStatus3xxRedirection();
        assertThat(channels.get("digital-rmb").alternatives()).containsExactly("bank-card");

        var badSlug = mvc.post()
                .uri("/admin/channels")
                .with(OPERATOR)
                .with(csrf())
                .param("slug", "Digital RMB")
                .param("nameZh", "数字人民币2")
                .param("nameEn", "e-CNY 2")
                .param("groupZh", "其他支付方式")
                .param("groupEn", "Other ways to pay")
                .param("displayOrder", "5")
                .exchange();
        assertThat(badSlug).hasStatusOk().bodyText().contains("只能使用小写字母");

        assertThat(mvc.get().uri("/admin/channels/no-such/edit").with(OPERATOR).exchange())
                .hasStatus(404);
    }

    @Test
    void everyAdminPageRenders() {
        for (String path : new String[] {
            "/admin",
            "/admin/notices/new",
            "/admin/channels",
            "/admin/channels/new",
            "/admin/channels/fenfu-online/edit",
            "/admin/widget",
            "/admin?lang=en"
        }) {
            assertThat(mvc.get().uri(path).with(OPERATOR).exchange()).as(path).hasStatusOk();
        }
    }

    @Test
    void anAdminFindsTheWidgetSnippetReadyToCopy() {
        var page = mvc.get().uri("/admin/widget").with(OPERATOR).exchange();
        assertThat(page)
                .hasStatusOk()
                .bodyText()
                .contains("嵌入与订阅")
                .contains("&lt;iframe src=&quot;http://localhost/widget&quot; title=&quot;支付通道状态&quot;")
                .contains("http://localhost/widget?lang=en")
                .contains("data-copy-target=\"snippet-zh\"")
                .contains("http://localhost/history.atom")
                .contains("/badge.svg");
    }
}
