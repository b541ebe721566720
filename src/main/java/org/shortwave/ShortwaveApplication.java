package org.shortwave;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ShortwaveApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShortwaveApplication.class, args);
    }
}
