package com.paystatus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PageLinksTest {

    private static PageLinks links(String baseUrl, List<String> allowedHosts) {
        PayStatusProperties defaults = new PayStatusProperties(
                ZoneId.of("Asia/Shanghai"),
                14,
                baseUrl,
                new PayStatusProperties.DemoData(false),
                new PayStatusProperties.Admin("admin", ""));
        return new PageLinks(new PayStatusProperties(
                defaults.zone(),
                defaults.recentDays(),
                baseUrl,
                defaults.demoData(),
                defaults.admin(),
                allowedHosts,
                defaults.requestBody(),
                defaults.frontPageResolved()));
    }

    private static MockHttpServletRequest request(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        request.setLocalPort(8080);
        return request;
    }

    @Test
    void theConfiguredBaseUrlWinsOverAnyHost() {
        PageLinks links = links("https://status.example.com/", List.of("status.example.com"));
        assertThat(links.absolute(request("http", "evil.example", 80), "/channels/alipay"))
                .isEqualTo("https://status.example.com/channels/alipay");
    }

    @Test
    void anAllowedHostGetsItsOwnLinksAndAnyOtherTheLocalhostDefault() {
        PageLinks links = links("", List.of("status.example.com", "Status.Example.CN:8443"));
        assertThat(links.base(request("https", "status.example.com", 443))).isEqualTo("https://status.example.com");
        assertThat(links.base(request("https", "status.example.cn", 8443))).isEqualTo("https://status.example.cn:8443");
        assertThat(links.base(request("https", "evil.example", 443))).isEqualTo("http://localhost:8080");
        assertThat(links.base(request("http", "status.example.com.evil.example", 80)))
                .isEqualTo("http://localhost:8080");
    }
}
