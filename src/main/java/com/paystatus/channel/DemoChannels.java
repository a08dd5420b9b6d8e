package com.paystatus.channel;

import com.paystatus.shared.PayStatusProperties;
import com.paystatus.shared.StartupStep;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start with an empty database, adds 分付 with its usage scenarios and the other ways to
 * pay, all available. Off with {@code paystatus.demo-data.enabled=false}. All of it in one transaction,
 * so that a start-up step cut short by the database leaves nothing and its next try adds everything.
 */
@Component
@Order(1)
class DemoChannels implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(DemoChannels.class);
    private static final String BY = "demo-data";

    private final ChannelService channels;
    private final PayStatusProperties properties;
    private final TransactionTemplate transaction;

    DemoChannels(ChannelService channels, PayStatusProperties properties, PlatformTransactionManager transactions) {
        this.channels = channels;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run() {
        if (properties.demoData().enabled()) {
            transaction.executeWithoutResult(tx -> addUnlessThereAreChannels());
        }
    }

    private void addUnlessThereAreChannels() {
        if (channels.count() > 0) {
            return;
        }
        // 分付 first, so that its group comes first on the page; its alternatives once they exist.
        List<String> others = List.of("wechat-pay", "alipay", "bank-card");
        List<ChannelDetails> fenfu = List.of(
                fenfu(
                        "分付 · 线上购物",
                        "Fenfu · Online shopping",
                        "在网店和小程序里用分付付款",
                        "Paying with Fenfu in online shops and mini programs",
                        1,
                        others),
                fenfu(
                        "分付 · 线下扫码",
                        "Fenfu · In-store QR",
                        "在门店扫码用分付付款",
                        "Paying with Fenfu by scanning a QR code in store",
                        2,
                        others),
                fenfu(
                        "分付 · 出行",
                        "Fenfu · Transit",
                        "乘车、打车时用分付付款",
                        "Paying with Fenfu for rides and public transport",
                        3,
                        others),
                fenfu(
                        "分付 · 账单还款",
                        "Fenfu · Bill repayment",
                        "按时还分付账单",
                        "Repaying your Fenfu bill",
                        4,
                        List.of("bank-card", "wechat-pay")));
        List<String> fenfuSlugs = List.of("fenfu-online", "fenfu-offline", "fenfu-transit", "fenfu-repayment");
        for (int i = 0; i < fenfu.size(); i++) {
            channels.create(fenfuSlugs.get(i), withoutAlternatives(fenfu.get(i)), BY);
        }
        other("wechat-pay", "微信支付（零钱）", "WeChat Pay (balance)", "用微信零钱付款", "Pay from your WeChat balance", 1);
        other("alipay", "支付宝", "Alipay", "用支付宝付款", "Pay with Alipay", 2);
        other("bank-card", "银行卡", "Bank card", "用绑定的借记卡或信用卡付款", "Pay with a linked debit or credit card", 3);
        for (int i = 0; i < fenfu.size(); i++) {
            channels.update(fenfuSlugs.get(i), fenfu.get(i), BY);
        }
        log.info("Added the demo channels (paystatus.demo-data.enabled=false turns this off)");
    }

    private static ChannelDetails fenfu(String zh, String en, String dZh, String dEn, int order, List<String> instead) {
        return new ChannelDetails(zh, en, dZh, dEn, "分付", "Fenfu", order, instead);
    }

    private static ChannelDetails withoutAlternatives(ChannelDetails d) {
        return new ChannelDetails(
                d.nameZh(),
                d.nameEn(),
                d.descriptionZh(),
                d.descriptionEn(),
                d.groupZh(),
                d.groupEn(),
                d.displayOrder(),
                List.of());
    }

    private void other(String slug, String zh, String en, String dZh, String dEn, int order) {
        channels.create(
                slug, new ChannelDetails(zh, en, dZh, dEn, "其他支付方式", "Other ways to pay", order, List.of()), BY);
    }
}
