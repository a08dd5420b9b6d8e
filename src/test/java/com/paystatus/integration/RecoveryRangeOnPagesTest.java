package com.paystatus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelService;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.WebSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An open notice without an estimate shows, once the channel has five past recoveries of that kind, the
 * range history gives, labelled as history, in both languages; a notice with an estimate, or a channel
 * with too little history, shows none.
 */
@FullAppTest
class RecoveryRangeOnPagesTest extends HttpTestBase {

    @Autowired
    ChannelService channels;

    long post(String slug, String estimate) {
        return Http.json(http.adminJson("POST", "/api/admin/notices", """
                        {"title": "历史范围 %s", "kind": "fault", "message": "排查中",
                         "channels": {"%s": "unavailable"}, "estimatedRecoveryAt": %s}""".formatted(slug, slug, estimate)))
                .get("id")
                .asLong();
    }

    void resolve(long id) {
        assertThat(http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                        {"status": "resolved", "message": "已恢复"}""")
                        .statusCode())
                .isEqualTo(200);
    }

    void recoveries(String slug, int... minutes) {
        for (int m : minutes) {
            long id = post(slug, "null");
            clock.advance(Duration.ofMinutes(m));
            resolve(id);
        }
    }

    @Test
    void fivePastRecoveriesGiveTheRangeOnANoticeWithoutAnEstimate() {
        String slug = Monitoring.freshChannel(channels);
        recoveries(slug, 70, 30, 50, 40, 60);
        long open = post(slug, "null");
        try {
            // nearest rank over 30, 40, 50, 60, 70: the 20th percentile is 30, the 80th 60
            assertThat(http.get("/notices/" + open).body()).contains("同类问题过去通常在 30–60 分钟内恢复（这是历史记录，不是承诺）");
            assertThat(http.get("/notices/" + open + "?lang=en").body())
                    .contains("Similar problems here have usually been resolved within 30–60 minutes");
            assertThat(http.get("/").body()).contains("同类问题过去通常在 30–60 分钟内恢复");
        } finally {
            resolve(open);
        }
        WebSession admin = new WebSession(port);
        admin.login("admin", Http.ADMIN_PASSWORD);
        assertThat(admin.get("/admin/integrations").body())
                .contains("恢复用时与首次预计")
                .contains("<td>" + slug + "</td>");
        long estimated = post(slug, "\"" + clock.instant().plus(Duration.ofHours(1)) + "\"");
        try {
            assertThat(http.get("/notices/" + estimated).body()).doesNotContain("同类问题过去通常");
        } finally {
            resolve(estimated);
        }
    }

    @Test
    void fourPastRecoveriesGiveNoRange() {
        String slug = Monitoring.freshChannel(channels);
        recoveries(slug, 10, 20, 30, 40);
        long open = post(slug, "null");
        try {
            assertThat(http.get("/notices/" + open).body()).doesNotContain("同类问题过去通常");
        } finally {
            resolve(open);
        }
    }
}
