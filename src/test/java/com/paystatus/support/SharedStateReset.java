package com.paystatus.support;

import com.paystatus.security.ThrottleReset;
import com.paystatus.shared.StartupStep;
import com.paystatus.status.StatusSnapshots;
import com.paystatus.status.cache.PageCacheReset;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * What a test in a shared context may have left behind in memory, put back before each test: the
 * test clock at its start, no kept page variants, no sign-in counts or locks. The database is reset
 * only for a {@link FreshBoard} class, once before it; other classes isolate through fresh data.
 */
public class SharedStateReset implements TestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
        if (TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(), FreshBoard.class)) {
            freshBoard(testContext.getApplicationContext());
        }
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        resetMemory(testContext.getApplicationContext());
    }

    private static void resetMemory(ApplicationContext context) {
        // a MockMvc test's user(...) is kept for the test thread and the threads it starts
        TestSecurityContextHolder.clearContext();
        context.getBeanProvider(TestClock.class).ifAvailable(clock -> clock.set(TestClockConfig.START));
        PageCacheReset.clear(context);
        ThrottleReset.clear(context);
    }

    private static void freshBoard(ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Long revision = jdbc.queryForObject("select revision from status_revision where id = 1", Long.class);
        resetMemory(context);
        boolean postgres = jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL"));
        if (postgres) {
            jdbc.execute("drop schema public cascade");
            jdbc.execute("create schema public");
        } else {
            jdbc.execute("drop all objects");
        }
        context.getBean(Flyway.class).migrate();
        jdbc.update("update status_revision set revision = ? where id = 1", revision + 1);
        context.getBeanProvider(StartupStep.class).orderedStream().forEach(StartupStep::run);
        context.getBean(StatusSnapshots.class).rebuild();
        resetMemory(context);
    }
}
