package com.paystatus.subscription;

import com.paystatus.support.EmbeddedPostgres;
import com.paystatus.support.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The claims on a real PostgreSQL, where production runs several instances. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "paystatus.notify.enabled=false")
@ActiveProfiles({"test", "postgres"})
@Import(TestClockConfig.class)
class PostgresDeliveryClaimTest extends DeliveryClaimContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "subscriptions_claim");
    }
}
