package com.paystatus.status;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How open public pages keep themselves current: they ask for themselves again every {@code
 * pollSeconds} with the ETag they last saw, which costs a 304 from the page cache (or from a CDN) and
 * no connection or thread held on the server between checks.
 */
@Validated
@ConfigurationProperties("paystatus.live")
public record LiveUpdates(
        @Min(1) @Max(3600) @DefaultValue("15") int pollSeconds) {}
