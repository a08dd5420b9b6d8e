package com.paystatus.bench;

import com.paystatus.support.EmbeddedPostgres;
import com.paystatus.support.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The uptime benchmark on PostgreSQL, the production database. */
@SpringBootTest(properties = "paystatus.demo-data.enabled=false")
@ActiveProfiles({"test", "postgres"})
@Import(TestClockConfig.class)
@DirtiesContext
class UptimeBenchmarkPostgresTest extends UptimeBenchmark {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "bench");
    }

    @Override
    String database() {
        return "postgresql";
    }
}
