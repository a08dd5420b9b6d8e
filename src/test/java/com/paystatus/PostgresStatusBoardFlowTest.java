package com.paystatus;

import com.paystatus.support.EmbeddedPostgres;
import com.paystatus.support.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same story on a real PostgreSQL, with the same Flyway migrations as production. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@Import(TestClockConfig.class)
@DirtiesContext
class PostgresStatusBoardFlowTest extends StatusBoardFlowContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "flow");
    }
}
