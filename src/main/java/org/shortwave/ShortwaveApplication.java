package org.shortwave;

import org.shortwave.platform.BadSetting;
import org.shortwave.platform.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ShortwaveApplication {

    public static void main(String[] args) {
        try {
            if (Cli.isCommand(args)) {
                System.exit(Cli.run(ShortwaveApplication.class, args));
            }
            SpringApplication.run(ShortwaveApplication.class, args);
        } catch (BadSetting refused) {
            // Already said in one line (platform.BadSettingReport), before anything started.
            System.exit(refused.getExitCode());
        }
    }
}
