package com.paystatus.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole app on a random port, with MockMvc, the test clock and the one in-memory H2 database of
 * {@code application-test.properties}. Every class with this annotation and nothing else that changes
 * the configuration shares ONE application context, so it starts once per run: isolate through fresh
 * data (a new channel, a unique title) and leave the board as you found it (resolve what you open).
 * {@link SharedStateReset} puts the clock, the kept page variants and the sign-in throttle back before
 * each test. Adding properties, profiles or beans here or on a class starts another context: group such
 * classes (as {@link PostgresAppTest} does) and say on the class why it cannot share. A class that
 * asserts on the whole board adds {@link FreshBoard}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfig.class)
@TestExecutionListeners(
        listeners = SharedStateReset.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface FullAppTest {}
