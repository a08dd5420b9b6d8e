package com.paystatus.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.NoticeTemplateRecord;
import com.paystatus.notice.NoticeTemplateService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.Pages;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Before publishing, the operator sees what the public will see, and a template's channels are a
 * suggestion the operator confirms. On two fresh channels: one free, one held in a compliance review
 * by another notice (as 还款 was when 服务器压力过大 silently replaced it).
 */
@FullAppTest
class NoticePreviewTest extends HttpTestBase {

    private static final RequestPostProcessor OPERATOR = user("admin").roles("ADMIN");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    NoticeService notices;

    @Autowired
    NoticeTemplateService templates;

    @Autowired
    ChannelService channels;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final String free = "pv-" + tag + "-shop";
    private final String held = "pv-" + tag + "-repay";
    private final List<Long> opened = new ArrayList<>();
    private Long template;

    @BeforeEach
    void twoChannelsOneHeldInAComplianceReview() {
        channel(free, "预览购物" + tag, "Preview shopping " + tag);
        channel(held, "预览还款" + tag, "Preview repayment " + tag);
        opened.add(notices.post(
                        new NoticeDraft(
                                "合规审查 " + tag,
                                "compliance",
                                "审查中",
                                Map.of(held, "compliance_review"),
                                null,
                                Estimate.UNKNOWN),
                        "ops")
                .id());
    }

    @AfterEach
    void resolveWhatWasOpened() {
        opened.forEach(id -> notices.postUpdate(id, new UpdateDraft("resolved", "已恢复", null, null), "ops"));
        if (template != null) {
            templates.delete(template);
        }
    }

    private void channel(String slug, String zh, String en) {
        HttpResponse<String> created = http.adminJson("PUT", "/api/admin/channels/" + slug, """
                {"nameZh": "%s", "nameEn": "%s", "groupZh": "预览测试", "groupEn": "Preview tests",
                 "displayOrder": 99, "alternatives": []}""".formatted(zh, en));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private String body() {
        return """
                {"title": "服务器压力过大 %s", "kind": "fault", "message": "扩容中",
                 "channels": {"%s": "unavailable", "%s": "unavailable"}, "estimatedRecoveryAt": null}""".formatted(tag, free, held);
    }

    @Test
    void theApiTellsWhatWouldChangeInTheCallersLanguageAndSavesNothing() {
        long before = latestNoticeId();
        HttpResponse<String> zh = http.adminJson("POST", "/api/admin/notices/preview", body());
        assertThat(zh.statusCode()).as(zh.body()).isEqualTo(200);
        JsonNode preview = Http.json(zh);
        assertThat(preview.get("summary").get(0).asString()).isEqualTo("2 个通道将显示“暂不能使用”，替换预览还款" + tag + "上的“合规审查中”。");
        JsonNode replaced = java.util.stream.StreamSupport.stream(
                        preview.get("channels").spliterator(), false)
                .filter(c -> c.get("channel").asString().equals(held))
                .findFirst()
                .orElseThrow();
        assertThat(replaced.get("before").asString()).isEqualTo("compliance_review");
        assertThat(replaced.get("after").asString()).isEqualTo("unavailable");
        assertThat(replaced.get("changes").asBoolean()).isTrue();

        HttpResponse<String> en = http.adminJson("POST", "/api/admin/notices/preview", body(), "Accept-Language", "en");
        assertThat(Http.json(en).get("summary").get(0).asString())
                .isEqualTo(
                        "2 channels will show Temporarily unavailable, replacing Under compliance review on Preview repayment "
                                + tag + ".");

        // a milder state leaves the held channel as the public sees it, and the preview says so
        HttpResponse<String> milder =
                http.adminJson("POST", "/api/admin/notices/preview", """
                {"title": "变慢", "kind": "fault", "message": "m", "channels": {"%s": "degraded"},
                 "estimatedRecoveryAt": null}""".formatted(held), "Accept-Language", "en");
        assertThat(Http.json(milder).get("summary").get(0).asString())
                .isEqualTo("Preview repayment " + tag
                        + " will still show Under compliance review (the same or a worse state already holds it).");

        // what posting would refuse, the preview refuses the same way
        HttpResponse<String> bad = http.adminJson("POST", "/api/admin/notices/preview", """
                {"title": "", "kind": "fault", "message": "m", "channels": {}, "estimatedRecoveryAt": null}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.json(bad).get("errors").findValuesAsString("field")).contains("title", "channels");

        assertThat(latestNoticeId()).isEqualTo(before);
        assertThat(channels.get(free).state()).isEqualTo(ChannelState.AVAILABLE);
        assertThat(channels.get(held).state()).isEqualTo(ChannelState.COMPLIANCE_REVIEW);
    }

    @Test
    void aTemplatesChannelsAreOnlyASuggestionAndPublishingNeedsTheMatchingPreview() {
        Map<String, String> both = new LinkedHashMap<>();
        both.put(free, "unavailable");
        both.put(held, "unavailable");
        NoticeTemplateRecord overload = templates.save(
                null, "压力 " + tag, new NoticeDraft("分付暂不能使用 " + tag, "fault", "扩容中", both, null, Estimate.UNKNOWN));
        template = overload.id();

        String form = Pages.body(mvc.get()
                .uri("/admin/notices/new?template=" + template)
                .with(OPERATOR)
                .exchange());
        // the words come from the template; no channel is set by it until the operator ticks the box
        assertThat(form).contains("value=\"分付暂不能使用 " + tag + "\"").contains("使用模板建议的通道：");
        assertThat(form.replaceAll("\\s+", " "))
                .doesNotContainPattern(
                        "name=\"channels\\[" + held + "\\]\">( <option value=\"[a-z_]*\">[^<]*</option>)*"
                                + " <option value=\"unavailable\" selected")
                .contains("name=\"suggested[" + held + "]\" value=\"unavailable\"")
                .doesNotContain("name=\"useSuggested\" value=\"true\" checked");

        // posted as the browser sends it, unticked: only the channels chosen count, none here
        long before = latestNoticeId();
        MvcTestResult unticked = send(Map.of("channels[" + free + "]", ""), null);
        assertThat(unticked).hasStatusOk().bodyText().contains("请至少选择一个受影响的支付通道");
        assertThat(channels.get(held).state()).isEqualTo(ChannelState.COMPLIANCE_REVIEW);

        // ticked: a preview first, saying what the public will see; nothing is published yet
        Map<String, String> ticked = Map.of("useSuggested", "true", "quickEstimate", "1h");
        MvcTestResult preview = send(ticked, null);
        String previewed = Pages.body(preview);
        assertThat(previewed).contains("预览：发布后公众将看到").contains("2 个通道将显示“暂不能使用”，替换预览还款" + tag + "上的“合规审查中”。");
        assertThat(latestNoticeId()).isEqualTo(before);
        // the quick choice became the exact time it stands for (test clock 10:00 Shanghai, +1 h)
        assertThat(previewed).contains("value=\"2026-11-25T11:00\"");
        String fingerprint = publishValue(previewed);

        // changed after the preview: shown again with the new preview, still not published
        MvcTestResult changed =
                send(Map.of("useSuggested", "true", "estimatedRecoveryAt", "2026-11-25T12:00"), fingerprint);
        assertThat(changed).hasStatusOk().bodyText().contains("表单在预览后有改动");
        assertThat(latestNoticeId()).isEqualTo(before);

        // publishing exactly what was previewed posts it
        MvcTestResult published =
                send(Map.of("useSuggested", "true", "estimatedRecoveryAt", "2026-11-25T11:00"), fingerprint);
        assertThat(published).hasStatus3xxRedirection();
        long id = Long.parseLong(published.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        opened.add(id);
        assertThat(channels.get(held).state()).isEqualTo(ChannelState.UNAVAILABLE);
        assertThat(notices.get(id).channels()).containsOnlyKeys(free, held);
    }

    private MvcTestResult send(Map<String, String> fields, String publish) {
        var request = mvc.post()
                .uri("/admin/notices")
                .with(OPERATOR)
                .with(csrf())
                .param("title", "分付暂不能使用 " + tag)
                .param("kind", "fault")
                .param("message", "扩容中")
                .param("suggested[" + free + "]", "unavailable")
                .param("suggested[" + held + "]", "unavailable");
        fields.forEach(request::param);
        if (publish != null) {
            request = request.param("publish", publish);
        }
        return request.exchange();
    }

    static String publishValue(String page) {
        Matcher m = Pattern.compile("name=\"publish\" value=\"([0-9a-f]+)\"").matcher(page);
        assertThat(m.find()).as("a publish button").isTrue();
        return m.group(1);
    }

    private long latestNoticeId() {
        return notices.history(null, null, 0, 1).getContent().stream()
                .mapToLong(n -> n.id())
                .findFirst()
                .orElse(0);
    }
}
