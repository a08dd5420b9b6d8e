package com.paystatus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** PayStatus: a status page and incident notice board for payment channels. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PayStatusApplication {

    public static void main(String[] args) {
        SpringApplication.run(PayStatusApplication.class, args);
    }
}
