package com.paystatus.support;

import com.paystatus.PayStatusApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole PayStatus instance in this JVM, on a random port and a shared PostgreSQL, with the test clock. */
public final class Instances {

    private Instances() {}

    public static ConfigurableApplicationContext start(String databaseUrl, String... moreArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=test,postgres",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=0"));
        arguments.addAll(List.of(moreArguments));
        return application(PayStatusApplication.class, TestClockConfig.class).run(arguments.toArray(String[]::new));
    }

    /**
     * An application of {@code sources} that leaves the JVM's logging as it is. Spring Boot's logging
     * listener would reset it as the instance starts and stops, silencing every thread meanwhile; these
     * instances run beside the tests of the shared contexts ({@link OwnInstances}), whose contexts
     * set the logging up one at a time.
     */
    public static SpringApplicationBuilder application(Class<?>... sources) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(sources);
        SpringApplication application = builder.application();
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener))
                .toList());
        return builder;
    }
}
