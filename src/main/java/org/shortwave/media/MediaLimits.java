package org.shortwave.media;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the media library accepts ({@code shortwave.media.*}).
 *
 * @param maxImageBytes largest image file
 * @param maxVideoBytes largest video file
 * @param maxCaptionsBytes largest WebVTT captions file
 * @param maxImagePixels most pixels (width x height) an image may have; checked from the file's header before it is
 *     decoded, since a decoded image takes 4 bytes a pixel
 * @param maxImageSide longest side an image may have, in pixels
 * @param renditionWidths widths of the smaller copies made of every image (never wider than the original)
 * @param maxConcurrentDecodes images decoded at once; more uploads wait, so that memory stays bounded
 */
@ConfigurationProperties("shortwave.media")
public record MediaLimits(
        @DefaultValue("20MB") DataSize maxImageBytes,
        @DefaultValue("200MB") DataSize maxVideoBytes,
        @DefaultValue("512KB") DataSize maxCaptionsBytes,
        @DefaultValue("40000000") long maxImagePixels,
        @DefaultValue("12000") int maxImageSide,
        @DefaultValue({"320", "640", "960", "1280", "1920"}) List<Integer> renditionWidths,
        @DefaultValue("2") int maxConcurrentDecodes) {

    public MediaLimits {
        renditionWidths = renditionWidths.stream().distinct().sorted().toList();
    }
}
