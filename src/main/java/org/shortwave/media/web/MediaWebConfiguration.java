package org.shortwave.media.web;

import java.time.Duration;
import org.shortwave.platform.ShortwaveProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves media files at {@code /media/...} from the data directory. Names are content hashes, so a year's caching
 * and {@code immutable} are safe; Spring's resource handler adds range requests (video seeking), Last-Modified and
 * content types.
 */
@Configuration(proxyBeanMethods = false)
class MediaWebConfiguration implements WebMvcConfigurer {

    private final ShortwaveProperties properties;

    MediaWebConfiguration(ShortwaveProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String location = properties.mediaDir().toAbsolutePath().normalize().toUri().toString();
        registry.addResourceHandler("/media/**")
                .addResourceLocations(location.endsWith("/") ? location : location + "/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
