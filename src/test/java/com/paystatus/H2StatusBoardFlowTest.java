package com.paystatus;

import com.paystatus.support.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:flow;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(TestClockConfig.class)
@DirtiesContext
class H2StatusBoardFlowTest extends StatusBoardFlowContract {}
