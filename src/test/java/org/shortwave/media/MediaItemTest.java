package org.shortwave.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaItemTest {

    private static MediaItem video(int seconds) {
        return new MediaItem(1, "video", "ab/ab.mp4", "video/mp4", 10, null, null, null, null, null, "t", seconds,
                null, null, null);
    }

    @Test
    void durationsReadLikeAClock() {
        assertThat(video(101).durationText()).isEqualTo("01:41");
        assertThat(video(7).durationText()).isEqualTo("00:07");
        assertThat(video(3725).durationText()).isEqualTo("1:02:05");
        assertThat(video(101).durationIso()).isEqualTo("PT1M41S");
    }
}
