package com.paystatus.report;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings under {@code paystatus.reports.*}.
 *
 * @param cookieKey the key that signs the "already reported" cookie; empty means one generated at
 *     start (then a browser's cookie is not recognised by another instance or after a restart)
 * @param flushInterval how often counts held in memory are added to the database
 * @param dedupeWindow how long one browser, and one network's budget, count once per channel
 * @param perNetwork how many reports one network (/24 or /48) may add per channel per dedupe window
 * @param baselineWeeks how many past weeks give the same hour of the week's typical count
 * @param floorPer5Minutes the least number of reports expected in 5 minutes, for quiet channels and
 *     new installs
 * @param minReports the least number of reports in 5 minutes that can be a spike
 * @param possibleTail the Poisson tail below which 5 minutes are a possible problem
 * @param detectedTail the Poisson tail below which they are a detected problem at once
 * @param concurrent how many reports are worked on at once (0: one per processor); see {@link
 *     ReportAdmission}
 * @param waiting how many more may wait for their turn; beyond them a report is answered 503
 */
@Validated
@ConfigurationProperties("paystatus.reports")
public record ReportProperties(
        @DefaultValue("") String cookieKey,
        @NotNull @DefaultValue("5s") Duration flushInterval,
        @NotNull @DefaultValue("30m") Duration dedupeWindow,
        @Min(1) @Max(1000) @DefaultValue("5") int perNetwork,
        @Min(1) @Max(12) @DefaultValue("4") int baselineWeeks,
        @DecimalMin("0.1") @DefaultValue("2") double floorPer5Minutes,
        @Min(1) @DefaultValue("10") int minReports,

        @DecimalMin("0") @DecimalMax("0.5") @DefaultValue("0.001")
        double possibleTail,

        @DecimalMin("0") @DecimalMax("0.5") @DefaultValue("0.000001")
        double detectedTail,

        @Min(0) @Max(1000) @DefaultValue("0") int concurrent,
        @Min(0) @Max(10000) @DefaultValue("100") int waiting) {}
