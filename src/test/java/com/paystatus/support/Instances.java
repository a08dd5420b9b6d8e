package com.paystatus.support;

import com.paystatus.PayStatusApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
        return new SpringApplicationBuilder(PayStatusApplication.class, TestClockConfig.class)
                .run(arguments.toArray(String[]::new));
    }
}
