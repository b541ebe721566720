package org.shortwave.media;

import org.shortwave.platform.ShortwaveProperties;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link MediaStore} of this node, as {@code shortwave.media.storage} says. */
@Configuration(proxyBeanMethods = false)
class MediaStorageConfiguration {

    @Bean
    MediaStore mediaStore(MediaStorageProperties settings, ShortwaveProperties properties) {
        MediaStore store = switch (settings.storage()) {
            case LOCAL -> new LocalMediaStore(properties.mediaDir());
            case S3 -> new S3MediaStore(settings.s3());
        };
        LoggerFactory.getLogger(MediaStore.class).info("Media files in {}", store.describe());
        return store;
    }
}
