package com.paystatus.notice;

import com.paystatus.channel.ChannelService;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.shared.StartupStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** With the demo channels, three templates operators reach for most: all three in one transaction. */
@Component
@Order(2)
class DemoTemplates implements StartupStep {

    private static final List<String> ALL_FENFU =
            List.of("fenfu-online", "fenfu-offline", "fenfu-transit", "fenfu-repayment");

    private final NoticeTemplateService templates;
    private final ChannelService channels;
    private final PayStatusProperties properties;
    private final TransactionTemplate transaction;

    DemoTemplates(
            NoticeTemplateService templates,
            ChannelService channels,
            PayStatusProperties properties,
            PlatformTransactionManager transactions) {
        this.templates = templates;
        this.channels = channels;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run() {
        if (properties.demoData().enabled()) {
            transaction.executeWithoutResult(tx -> addUnlessThereAreTemplates());
        }
    }

    private void addUnlessThereAreTemplates() {
        if (templates.count() > 0 || channels.idsOf(ALL_FENFU).size() < ALL_FENFU.size()) {
            return;
        }
        templates.save(
                null,
                "服务器压力过大",
                draft("分付暂不能使用：服务器压力过大", "fault", "由于访问量激增，分付服务器压力过大，部分用户付款失败。技术人员正在紧急扩容，请先使用其他支付方式。", "unavailable"));
        templates.save(
                null,
                "系统升级维护",
                draft("分付系统升级维护", "maintenance", "分付正在进行系统升级维护，期间暂不能使用。维护结束后将自动恢复，请先使用其他支付方式。", "maintenance"));
        templates.save(
                null,
                "合规审查调整",
                draft("分付合规审查调整", "compliance", "根据监管要求，分付正在进行合规审查调整，期间暂不能使用。调整完成后将第一时间恢复。", "compliance_review"));
    }

    private static NoticeDraft draft(String title, String kind, String message, String state) {
        Map<String, String> states = new LinkedHashMap<>();
        ALL_FENFU.forEach(slug -> states.put(slug, state));
        return new NoticeDraft(title, kind, message, states, null, Estimate.UNKNOWN);
    }
}
