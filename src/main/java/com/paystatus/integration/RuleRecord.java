package com.paystatus.integration;

import java.util.Map;

/**
 * A rule as the admin sees it: an alert whose labels carry every one of {@code matchers} is about
 * {@code channel} and proposes {@code state}, titled from the template when one is named.
 *
 * @param autoPublish publish without an operator once the alert has fired for {@code autoPublishMinutes}
 * @param requireReports publish by itself only when users have reported the channel too
 * @param autoResolve resolve a notice this rule published once the alert has been quiet for {@code
 *     holdDownMinutes}
 */
public record RuleRecord(
        long id,
        String name,
        Map<String, String> matchers,
        String channel,
        String state,
        Long templateId,
        boolean autoPublish,
        int autoPublishMinutes,
        boolean requireReports,
        boolean autoResolve,
        int holdDownMinutes) {

    boolean matches(Map<String, String> labels) {
        return matchers.entrySet().stream().allMatch(m -> m.getValue().equals(labels.get(m.getKey())));
    }
}
