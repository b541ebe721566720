package org.shortwave.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shortwave's own settings.
 *
 * @param dataDir where the embedded database and media files live
 * @param demoContent whether to load the demo site into an empty database on start
 */
@ConfigurationProperties("shortwave")
public record ShortwaveProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("true") boolean demoContent) {

    public Path mediaDir() {
        return dataDir.resolve("media");
    }
}
