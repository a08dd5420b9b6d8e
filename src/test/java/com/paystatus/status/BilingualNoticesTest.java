package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A notice in both languages through the admin API, and how English readers get it everywhere the
 * public reads notices: the English text where written, otherwise the Chinese one marked {@code
 * lang="zh-CN"}. Info notices hold no channels, so the board's channels stay as they were.
 */
@FullAppTest
class BilingualNoticesTest extends HttpTestBase {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private Long bilingual;
    private Long chineseOnly;

    private long post(String json) {
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", json);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return Http.json(posted).get("id").asLong();
    }

    private long postBilingual() {
        return post("""
                {"title": "新版收银台上线 %1$s", "titleEn": "New checkout launched %1$s", "kind": "info",
                 "message": "今晚起使用新版收银台。", "messageEn": "The new checkout is live from tonight.",
                 "estimatedRecoveryAt": null}""".formatted(tag));
    }

    private long postChineseOnly() {
        return post("""
                {"title": "客服热线调整 %s", "kind": "info", "message": "客服热线改为全天服务。",
                 "estimatedRecoveryAt": null}""".formatted(tag));
    }

    @AfterEach
    void resolve() {
        for (Long id : new Long[] {bilingual, chineseOnly}) {
            if (id != null) {
                http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                        {"status": "resolved", "message": "已结束"}""");
            }
        }
    }

    @Test
    void theAdminApiKeepsTheEnglishTitleAndMessagesOfNoticesAndUpdates() {
        bilingual = postBilingual();
        JsonNode notice = Http.json(http.adminJson("GET", "/api/admin/notices/" + bilingual, ""));
        assertThat(notice.get("title").asString()).isEqualTo("新版收银台上线 " + tag);
        assertThat(notice.get("titleEn").asString()).isEqualTo("New checkout launched " + tag);
        assertThat(notice.get("updates").get(0).get("messageEn").asString())
                .isEqualTo("The new checkout is live from tonight.");

        HttpResponse<String> updated = http.adminJson("POST", "/api/admin/notices/" + bilingual + "/updates", """
                {"status": "monitoring", "message": "运行平稳。", "messageEn": "Running smoothly.",
                 "estimatedRecoveryAt": null}""");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(Http.json(updated).get("updates").get(0).get("messageEn").asString())
                .isEqualTo("Running smoothly.");

        chineseOnly = postChineseOnly();
        JsonNode plain = Http.json(http.adminJson("GET", "/api/admin/notices/" + chineseOnly, ""));
        assertThat(plain.get("titleEn").isNull()).isTrue();
        assertThat(plain.get("updates").get(0).get("messageEn").isNull()).isTrue();
    }

    @Test
    void englishReadersGetTheEnglishTextOrTheChineseMarkedAsChinese() {
        bilingual = postBilingual();
        chineseOnly = postChineseOnly();

        String english = http.get("/notices/" + bilingual + "?lang=en").body();
        assertThat(english)
                .contains("<h1>New checkout launched " + tag + "</h1>")
                .contains("The new checkout is live from tonight.")
                .doesNotContain("lang=\"zh-CN\"");
        assertThat(http.get("/notices/" + bilingual).body())
                .contains("<h1>新版收银台上线 " + tag + "</h1>")
                .contains("今晚起使用新版收银台。")
                .doesNotContain("The new checkout is live from tonight.");

        String fallback = http.get("/notices/" + chineseOnly + "?lang=en").body();
        assertThat(fallback)
                .contains("<h1 lang=\"zh-CN\">客服热线调整 " + tag + "</h1>")
                .containsPattern("<div class=\"message markdown\" lang=\"zh-CN\">\\s*<p>客服热线改为全天服务。</p>");
        // the board and the history list the same way
        assertThat(http.get("/?lang=en").body())
                .contains(">New checkout launched " + tag + "</a>")
                .contains("lang=\"zh-CN\">客服热线调整 " + tag + "</a>");
        assertThat(http.get("/history?lang=en").body()).contains("lang=\"zh-CN\">客服热线调整 " + tag + "</a>");
        // Chinese readers never see the mark: the page itself is Chinese
        assertThat(http.get("/notices/" + chineseOnly).body()).doesNotContain("lang=\"zh-CN\">客服热线调整");
    }

    @Test
    void feedsAndTheStatuspageJsonFollowTheSameRule() {
        bilingual = postBilingual();
        chineseOnly = postChineseOnly();

        String atom = http.get("/history.atom?lang=en").body();
        assertThat(atom)
                .contains("New checkout launched " + tag)
                .contains("The new checkout is live from tonight.")
                .contains("客服热线调整 " + tag)
                .contains("&lt;div lang=\"zh-CN\"&gt;&lt;p&gt;客服热线改为全天服务。");
        assertThat(http.get("/history.rss?lang=en").body()).contains("New checkout launched " + tag);
        assertThat(http.get("/history.atom").body())
                .contains("新版收银台上线 " + tag)
                .doesNotContain("New checkout launched " + tag);

        JsonNode incidents =
                Http.json(http.get("/api/v2/incidents.json?lang=en")).get("incidents");
        JsonNode english = incident(incidents, bilingual);
        assertThat(english.get("name").asString()).isEqualTo("New checkout launched " + tag);
        assertThat(english.get("incident_updates").get(0).get("body").asString())
                .isEqualTo("The new checkout is live from tonight.");
        assertThat(english.get("paystatus").has("name_lang")).isFalse();
        JsonNode fallback = incident(incidents, chineseOnly);
        assertThat(fallback.get("name").asString()).isEqualTo("客服热线调整 " + tag);
        assertThat(fallback.get("paystatus").get("name_lang").asString()).isEqualTo("zh-CN");
        assertThat(fallback.get("incident_updates")
                        .get(0)
                        .get("paystatus")
                        .get("body_lang")
                        .asString())
                .isEqualTo("zh-CN");
        JsonNode chinese =
                incident(Http.json(http.get("/api/v2/incidents.json")).get("incidents"), bilingual);
        assertThat(chinese.get("name").asString()).isEqualTo("新版收银台上线 " + tag);
    }

    private static JsonNode incident(JsonNode incidents, long id) {
        return StreamSupport.stream(incidents.spliterator(), false)
                .filter(i -> i.get("id").asString().equals("notice-" + id))
                .findFirst()
                .orElseThrow();
    }
}
