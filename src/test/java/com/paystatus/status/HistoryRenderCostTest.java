package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.notice.NoticeService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.NoticeDrafts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * What an uncached render of {@code /history} costs with links resolved through the static-resource
 * chain and without, measured rather than guessed: the same requests straight to the controller and
 * template (no page cache, no security), once with the chain's link encoding and once without,
 * interleaved so that both see the same machine. Runs only with {@code -Dpaystatus.measure=history}.
 */
@FullAppTest
class HistoryRenderCostTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    NoticeService notices;

    @Test
    void historyRenderCost() throws Exception {
        Assumptions.assumeTrue("history".equals(System.getProperty("paystatus.measure")));
        List<Long> posted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posted.add(notices.post(
                            NoticeDrafts.fault("渲染测量 " + i)
                                    .affecting("fenfu-online", "degraded")
                                    .build(),
                            "ops")
                    .id());
        }
        posted.forEach(id -> notices.postUpdate(id, new UpdateDraft("resolved", "已恢复", null, null), "ops"));
        // the link filter the application registers (Spring's own, or the one that replaced it)
        ResourceUrlEncodingFilter links = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .map(FilterRegistrationBean::getFilter)
                .filter(ResourceUrlEncodingFilter.class::isInstance)
                .map(ResourceUrlEncodingFilter.class::cast)
                .findFirst()
                .orElseThrow();
        MockMvc chain =
                MockMvcBuilders.webAppContextSetup(context).addFilters(links).build();
        MockMvc plain = MockMvcBuilders.webAppContextSetup(context).build();
        String withChain = body(chain);
        assertThat(withChain).containsPattern("/css/app-[0-9a-f]{32}\\.css");
        System.out.println("history render with " + links.getClass().getName());
        assertThat(body(plain)).contains("/css/app.css");
        int linkCount = withChain.split("href=\"|src=\"").length - 1;

        int rounds = 10;
        int perRound = 200;
        long chainNanos = 0;
        long plainNanos = 0;
        for (int round = 0; round < rounds + 3; round++) {
            long c = time(chain, perRound);
            long p = time(plain, perRound);
            if (round >= 3) { // the first rounds warm the JIT
                chainNanos += c;
                plainNanos += p;
            }
        }
        double chainMicros = chainNanos / 1000.0 / (rounds * perRound);
        double plainMicros = plainNanos / 1000.0 / (rounds * perRound);
        System.out.printf(
                "history render: %d links; with chain %.0f us, without %.0f us, chain share %.1f%%%n",
                linkCount, chainMicros, plainMicros, 100 * (chainMicros - plainMicros) / chainMicros);
    }

    private static long time(MockMvc mvc, int times) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/history"))
                    .andReturn();
        }
        return System.nanoTime() - start;
    }

    private static String body(MockMvc mvc) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/history"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
