package com.paystatus.integration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the monitoring integrations.
 *
 * @param grafanaSecret when set, Grafana's webhook must sign its body with it ({@code
 *     X-Grafana-Alerting-Signature}, hex HMAC-SHA256); blank accepts unsigned calls
 * @param staleAfter an open notice without an update for this long reminds operators
 */
@Validated
@ConfigurationProperties("paystatus.integrations")
record IntegrationProperties(
        String grafanaSecret, @DefaultValue("60m") Duration staleAfter) {}
