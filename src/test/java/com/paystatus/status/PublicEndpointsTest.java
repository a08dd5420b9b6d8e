package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The list of public endpoints is the list of what the public controllers map: none is forgotten. */
class PublicEndpointsTest {

    @Test
    void everyPublicGetMappingIsListedAndEveryListedEndpointIsMapped() throws Exception {
        assertThat(PublicEndpoints.ALL.stream().map(PublicEndpoints.Endpoint::path))
                .containsExactlyInAnyOrderElementsOf(publicGetMappings());
    }

    @Test
    void theMachineDoorCoversTheWholeStatuspageApiAndTheFeedsBadgesAndWidget() {
        assertThat(PublicEndpoints.machinePatterns())
                .containsExactlyInAnyOrder(
                        "/api/v2/**",
                        "/history.atom",
                        "/history.rss",
                        "/channels/*.atom",
                        "/maintenance.ics",
                        "/channels/*/maintenance.ics",
                        "/badge.svg",
                        "/badge/*.svg",
                        "/widget",
                        "/api/live",
                        "/api/revision");
    }

    @Test
    void pathsNamingAChannelOrANoticeAreMatchedWithTheirSlugOrId() {
        assertThat(PublicEndpoints.matchPerPage("/channels/alipay.atom"))
                .isEqualTo(new PublicEndpoints.Match(endpoint("/channels/{slug}.atom"), "alipay"));
        assertThat(PublicEndpoints.matchPerPage("/channels/alipay"))
                .isEqualTo(new PublicEndpoints.Match(endpoint("/channels/{slug}"), "alipay"));
        assertThat(PublicEndpoints.matchPerPage("/notices/12"))
                .isEqualTo(new PublicEndpoints.Match(endpoint("/notices/{id}"), "12"));
        assertThat(PublicEndpoints.matchPerPage("/badge/alipay.svg").value()).isEqualTo("alipay");
        // the page reads no leading zero, no sign, nothing after the id; QR codes are not kept
        assertThat(PublicEndpoints.matchPerPage("/notices/012")).isNull();
        assertThat(PublicEndpoints.matchPerPage("/notices/1234567890123456789")).isNull();
        assertThat(PublicEndpoints.matchPerPage("/notices/12/qr.png")).isNull();
        assertThat(PublicEndpoints.matchPerPage("/channels/a/b")).isNull();
        assertThat(PublicEndpoints.matchPerPage("/badge/alipay.png")).isNull();
    }

    @Test
    void theCacheKeepsTheFixedPagesWithTheSnapshotAndThrottlesUnderEveryPublicPrefix() {
        assertThat(PublicEndpoints.fixedPages())
                .contains("/", "/widget", "/badge.svg", "/history.atom", "/api/v2/summary.json")
                .doesNotContain("/history");
        assertThat(PublicEndpoints.prefixes())
                .contains("/channels/", "/notices/", "/api/v2/", "/api/channels/", "/history", "/widget");
    }

    private static PublicEndpoints.Endpoint endpoint(String path) {
        return PublicEndpoints.ALL.stream()
                .filter(e -> e.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> publicGetMappings() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<String> paths = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.paystatus.status")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            RequestMapping root = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            String prefix = root == null || root.path().length == 0 ? "" : root.path()[0];
            for (Method method : type.getDeclaredMethods()) {
                GetMapping get = AnnotatedElementUtils.findMergedAnnotation(method, GetMapping.class);
                if (get != null) {
                    for (String path : get.path()) {
                        paths.add(prefix + path);
                    }
                }
            }
        }
        return paths;
    }
}
