package com.paystatus.bench;

import com.paystatus.support.TestClockConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The uptime benchmark on an H2 file database, as `./mvnw spring-boot:run` uses. */
@SpringBootTest(properties = "paystatus.demo-data.enabled=false")
@ActiveProfiles("test")
@Import(TestClockConfig.class)
@DirtiesContext
class UptimeBenchmarkH2Test extends UptimeBenchmark {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void file(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + data.resolve("bench").toAbsolutePath());
    }

    @Override
    String database() {
        return "h2-file";
    }
}
