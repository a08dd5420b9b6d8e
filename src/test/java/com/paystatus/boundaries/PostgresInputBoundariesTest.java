package com.paystatus.boundaries;

import com.paystatus.support.EmbeddedPostgres;
import com.paystatus.support.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** PostgreSQL refuses NUL in text outright: the same input must meet the same 400 there. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@Import(TestClockConfig.class)
class PostgresInputBoundariesTest extends InputBoundariesContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "boundaries");
    }
}
