package com.paystatus.boundaries;

import com.paystatus.support.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:boundaries;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class H2InputBoundariesTest extends InputBoundariesContract {}
