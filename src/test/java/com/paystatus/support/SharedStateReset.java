package com.paystatus.support;

import com.paystatus.security.ThrottleReset;
import com.paystatus.shared.StartupStep;
import com.paystatus.status.StatusSnapshots;
import com.paystatus.status.cache.PageCacheReset;
import jakarta.servlet.Filter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * What a test in a shared context may have left behind in memory, put back before each test: the
 * test clock at its start, no kept page variants, no sign-in counts or locks. The database is reset
 * only for a {@link FreshBoard} class, once before it; other classes isolate through fresh data. The
 * memory is put back after each test and before each class too, so that a class's {@code @BeforeAll}
 * and {@code @AfterAll} never run on a clock another test moved.
 *
 * <p>Also undone after each test: MockMvc's {@code csrf()} and {@code user()} replace the CSRF token
 * repository and the security context repository inside the app's own (shared) security filters,
 * the first with one that keeps tokens in a session; left there, every later anonymous request over
 * real HTTP would get a session (which {@code HardeningTest} rightly refuses).
 */
public class SharedStateReset implements TestExecutionListener {

    private static final Map<ApplicationContext, Map<Object, Object[]>> SECURITY_REPOSITORIES =
            Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void beforeTestClass(TestContext testContext) {
        if (TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(), FreshBoard.class)) {
            freshBoard(testContext.getApplicationContext());
        } else {
            // a class's @BeforeAll (PageAuditTest's and WorriedUserBrowserTest's outage) runs before any
            // beforeTestMethod: it must not start from the clock the previous class's last test left
            resetMemory(testContext.getApplicationContext());
        }
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        SECURITY_REPOSITORIES.computeIfAbsent(context, SharedStateReset::securityRepositories);
        resetMemory(context);
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        Map<Object, Object[]> repositories = SECURITY_REPOSITORIES.get(testContext.getApplicationContext());
        if (repositories != null) {
            repositories.forEach((filter, field) -> ReflectionTestUtils.setField(filter, (String) field[0], field[1]));
        }
        // after the test's own @AfterEach: an @AfterAll (an outage's end) and whatever runs next see the
        // start again, not a clock a test advanced (WorriedUserBrowserTest moves it 20 minutes on)
        resetMemory(testContext.getApplicationContext());
    }

    /** The repositories the app's security filters hold before any test touched them. */
    private static Map<Object, Object[]> securityRepositories(ApplicationContext context) {
        Map<Object, Object[]> repositories = new IdentityHashMap<>();
        context.getBeanProvider(FilterChainProxy.class).ifAvailable(proxy -> {
            for (SecurityFilterChain chain : proxy.getFilterChains()) {
                for (Filter filter : chain.getFilters()) {
                    if (filter instanceof CsrfFilter) {
                        repositories.put(filter, field(filter, "tokenRepository"));
                    } else if (filter instanceof SecurityContextHolderFilter) {
                        repositories.put(filter, field(filter, "securityContextRepository"));
                    }
                }
            }
        });
        return repositories;
    }

    private static Object[] field(Object filter, String name) {
        return new Object[] {name, ReflectionTestUtils.getField(filter, name)};
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
