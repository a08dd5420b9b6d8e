package com.paystatus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Links to the app's style sheets and scripts carry their content's fingerprint; links to pages are
 * written as they are, without a look through the static files at every render (issue 16).
 */
class FingerprintedLinksTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/history");
    private FingerprintedLinks links;

    @BeforeEach
    void theAppsStaticFilesBehindTheResourceChain() throws Exception {
        ResourceHttpRequestHandler files = new ResourceHttpRequestHandler();
        files.setLocations(List.of(new ClassPathResource("static/")));
        files.setResourceResolvers(List.of(
                new Counting(),
                new VersionResourceResolver().addContentVersionStrategy("/**"),
                new PathResourceResolver()));
        files.afterPropertiesSet();
        ResourceUrlProvider chain = new ResourceUrlProvider();
        chain.setHandlerMap(Map.of("/**", files));
        links = new FingerprintedLinks(chain, List.of("/css/**", "/js/**", "/favicon*.ico"));
    }

    /** Counts the links the resource chain is asked about. */
    private class Counting extends AbstractResourceResolver {

        @Override
        protected Resource resolveResourceInternal(
                HttpServletRequest request,
                String path,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return chain.resolveResource(request, path, locations);
        }

        @Override
        protected String resolveUrlPathInternal(
                String path, List<? extends Resource> locations, ResourceResolverChain chain) {
            lookups.incrementAndGet();
            return chain.resolveUrlPath(path, locations);
        }
    }

    @Test
    void styleSheetsAndScriptsGetTheirFingerprintOnceAndKeepIt() {
        assertThat(links.fingerprint(request, "/css/app.css")).matches("/css/app-[0-9a-f]{32}\\.css");
        assertThat(links.fingerprint(request, "/js/live.js")).matches("/js/live-[0-9a-f]{32}\\.js");
        assertThat(links.fingerprint(request, "/favicon.ico")).matches("/favicon-[0-9a-f]{32}\\.ico");
        assertThat(links.fingerprint(request, "/css/app.css")).matches("/css/app-[0-9a-f]{32}\\.css");
        assertThat(lookups).hasValue(3);
    }

    @Test
    void linksToPagesAreWrittenAsTheyAreWithoutALookup() {
        assertThat(links.fingerprint(request, "/notices/42")).isEqualTo("/notices/42");
        assertThat(links.fingerprint(request, "/history?channel=fenfu-online&page=2"))
                .isEqualTo("/history?channel=fenfu-online&page=2");
        assertThat(links.fingerprint(request, "/badge.svg?lang=zh")).isEqualTo("/badge.svg?lang=zh");
        assertThat(links.fingerprint(request, "https://example.com/css/app.css"))
                .isEqualTo("https://example.com/css/app.css");
        assertThat(lookups).hasValue(0);
    }

    @Test
    void aFileThatIsNotThereKeepsItsLink() {
        assertThat(links.fingerprint(request, "/css/missing.css")).isEqualTo("/css/missing.css");
    }
}
