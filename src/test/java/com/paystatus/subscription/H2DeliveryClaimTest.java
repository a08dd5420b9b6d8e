package com.paystatus.subscription;

import com.paystatus.support.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The claims on H2, which locks rows of its own way. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:subscriptions-claim;DB_CLOSE_DELAY=-1",
            "paystatus.notify.enabled=false"
        })
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class H2DeliveryClaimTest extends DeliveryClaimContract {}
