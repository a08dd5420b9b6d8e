package com.paystatus.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.NoticeTemplateRecord;
import com.paystatus.notice.NoticeTemplateService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Pages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Templates make an outage notice one screen: choose, add the estimate, post. */
@FullAppTest
class AdminTemplatesTest {

    private static final RequestPostProcessor OPERATOR = user("admin").roles("ADMIN");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    NoticeTemplateService templates;

    @Autowired
    NoticeService notices;

    @Autowired
    ChannelService channels;

    private NoticeTemplateRecord named(String name) {
        return templates.all().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theDemoBringsTheThreeTemplatesOperatorsUseMost() {
        assertThat(templates.all())
                .extracting(NoticeTemplateRecord::name)
                .containsExactlyInAnyOrder("服务器压力过大", "系统升级维护", "合规审查调整");
        assertThat(Pages.body(mvc.get().uri("/admin/notices/new").with(OPERATOR).exchange()))
                .contains("从模板开始")
                .contains("服务器压力过大");
    }

    @Test
    void postingFromATemplateTakesOneScreen() {
        NoticeTemplateRecord overload = named("服务器压力过大");
        String form = Pages.body(mvc.get()
                .uri("/admin/notices/new?template=" + overload.id())
                .with(OPERATOR)
                .exchange());
        assertThat(form).contains("value=\"分付暂不能使用：服务器压力过大\"").contains("由于访问量激增");
        // the template's channels are a suggestion to tick, not choices already made
        assertThat(form)
                .contains("name=\"suggested[fenfu-online]\" value=\"unavailable\"")
                .doesNotContain("selected=\"selected\">暂不能使用");

        // what the browser sends back when the operator ticks the suggestion and "unknown": a preview, then publish
        var previewed = mvc.post()
                .uri("/admin/notices")
                .with(OPERATOR)
                .with(csrf())
                .param("title", overload.title())
                .param("kind", overload.kind().code())
                .param("message", overload.message())
                .param("suggested[fenfu-online]", "unavailable")
                .param("suggested[fenfu-offline]", "unavailable")
                .param("suggested[fenfu-transit]", "unavailable")
                .param("suggested[fenfu-repayment]", "unavailable")
                .param("useSuggested", "true")
                .param("quickEstimate", "unknown")
                .exchange();
        assertThat(previewed).hasStatusOk().bodyText().contains("4 个通道将显示“暂不能使用”");
        var posted = mvc.post()
                .uri("/admin/notices")
                .with(OPERATOR)
                .with(csrf())
                .param("title", overload.title())
                .param("kind", overload.kind().code())
                .param("message", overload.message())
                .param("suggested[fenfu-online]", "unavailable")
                .param("suggested[fenfu-offline]", "unavailable")
                .param("suggested[fenfu-transit]", "unavailable")
                .param("suggested[fenfu-repayment]", "unavailable")
                .param("useSuggested", "true")
                .param("quickEstimate", "unknown")
                .param("publish", NoticePreviewTest.publishValue(Pages.body(previewed)))
                .exchange();
        assertThat(posted).hasStatus3xxRedirection();
        long id = Long.parseLong(posted.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        assertThat(channels.get("fenfu-repayment").state()).isEqualTo(ChannelState.UNAVAILABLE);
        notices.postUpdate(id, new UpdateDraft("resolved", "已恢复", null, null), "ops");
    }

    @Test
    void aTemplateWithMistakesIsExplainedAndNotSaved() {
        int before = templates.all().size();
        var bad = mvc.post()
                .uri("/admin/templates")
                .with(OPERATOR)
                .with(csrf())
                .param("name", "系统升级维护")
                .param("title", "")
                .param("kind", "fault")
                .param("message", "m")
                .param("channels[fenfu-online]", "broken")
                .exchange();
        assertThat(bad).hasStatusOk();
        assertThat(bad).bodyText().contains("名称 “系统升级维护” 已被使用").contains("不能为空").contains("未知的状态 “broken”");
        assertThat(templates.all()).hasSize(before);
    }

    @Test
    void templatesCanBeAddedEditedAndDeleted() {
        assertThat(mvc.post()
                        .uri("/admin/templates")
                        .with(OPERATOR)
                        .with(csrf())
                        .param("name", "银行卡通道延迟")
                        .param("title", "银行卡付款变慢")
                        .param("titleEn", "Bank card payments are slow")
                        .param("kind", "fault")
                        .param("message", "部分银行卡付款较慢")
                        .param("messageEn", "Some bank card payments are slow.")
                        .param("channels[bank-card]", "degraded")
                        .exchange())
                .hasStatus3xxRedirection();
        NoticeTemplateRecord added = named("银行卡通道延迟");
        assertThat(added.channels()).containsEntry("bank-card", "degraded");
        assertThat(added.titleEn()).isEqualTo("Bank card payments are slow");
        // the English words come along into a notice posted from the template
        assertThat(Pages.body(mvc.get()
                        .uri("/admin/notices/new?template=" + added.id())
                        .with(OPERATOR)
                        .exchange()))
                .contains("value=\"Bank card payments are slow\"")
                .contains("Some bank card payments are slow.");

        assertThat(mvc.post()
                        .uri("/admin/templates/" + added.id())
                        .with(OPERATOR)
                        .with(csrf())
                        .param("name", "银行卡通道延迟")
                        .param("title", "银行卡付款暂不能使用")
                        .param("kind", "fault")
                        .param("message", "银行卡暂不能使用")
                        .param("channels[bank-card]", "unavailable")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(templates.get(added.id()).channels()).containsEntry("bank-card", "unavailable");

        assertThat(mvc.post()
                        .uri("/admin/templates/" + added.id() + "/delete")
                        .with(OPERATOR)
                        .with(csrf())
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(templates.all()).extracting(NoticeTemplateRecord::name).doesNotContain("银行卡通道延迟");
        assertThat(mvc.get()
                        .uri("/admin/templates/" + added.id() + "/edit")
                        .with(OPERATOR)
                        .exchange())
                .hasStatus(404);
    }

    @Test
    void operatorsOnlyMayTouchTemplates() {
        assertThat(mvc.get().uri("/admin/templates").exchange()).hasStatus3xxRedirection();
        assertThat(mvc.post().uri("/admin/templates/1/delete").with(OPERATOR).exchange())
                .hasStatus(403);
    }
}
