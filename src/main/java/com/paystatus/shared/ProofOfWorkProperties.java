package com.paystatus.shared;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of {@link ProofOfWork} under {@code paystatus.pow.*}.
 *
 * @param hmacKey signs the challenges; the same on every instance behind one address (blank: a random key
 *     for this instance alone, so a challenge is solved for the instance that gave it)
 * @param maxNumber how hard a challenge is: a browser tries on average half of it (100,000: well under a
 *     second on a phone)
 * @param expires how long a challenge may be solved and used
 */
@Validated
@ConfigurationProperties("paystatus.pow")
public record ProofOfWorkProperties(
        @NotNull @DefaultValue("") String hmacKey,
        @Min(1_000) @Max(10_000_000) @DefaultValue("100000") long maxNumber,
        @NotNull @DefaultValue("10m") Duration expires) {}
