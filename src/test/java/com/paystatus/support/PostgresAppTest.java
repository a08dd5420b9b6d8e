package com.paystatus.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * {@link FullAppTest} on the real PostgreSQL of {@link EmbeddedPostgres} (database {@code app}), with
 * the production profile's settings: every class with this annotation shares this second context.
 * The address comes from an initializer, not a {@code @DynamicPropertySource} method, because such a
 * method belongs to one class and would give each class a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"test", "postgres"})
@Import(TestClockConfig.class)
@ContextConfiguration(initializers = PostgresAppTest.Database.class)
@TestExecutionListeners(
        listeners = SharedStateReset.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface PostgresAppTest {

    /** Points the datasource at the shared PostgreSQL server. */
    class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
                    context,
                    "spring.datasource.url=" + EmbeddedPostgres.url("app"),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=");
        }
    }
}
