package org.shortwave.media;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * The upload checks on arbitrary bytes: sniffing the type, reading an image's size from its header and
 * re-encoding it, reading a video's duration and checking captions. Each either accepts or refuses with
 * {@link RejectedUploadException} (a 4xx with a reason); any other exception, a hang or running out of memory is
 * a bug. The limits are small so that a pixel flood is refused from the header, as in production.
 */
class UploadFuzzTest {

    private static final MediaLimits LIMITS = new MediaLimits(DataSize.ofMegabytes(2), DataSize.ofMegabytes(2),
            DataSize.ofKilobytes(64), 1_000_000, 2_000, List.of(160), 1);
    private static final ImageReencoder IMAGES = new ImageReencoder(LIMITS);

    @FuzzTest
    void imagesAndVideos(byte[] bytes) throws IOException {
        FileType type = FileType.sniff(Arrays.copyOf(bytes, Math.min(bytes.length, FileType.HEAD_BYTES)));
        if (type.isAcceptedImage()) {
            try {
                IMAGES.reencode(bytes, type, "file");
            } catch (RejectedUploadException refused) {
                return;
            }
        } else if (type.isVideo()) {
            Path file = Files.createTempFile("fuzz", ".video");
            try {
                Files.write(file, bytes);
                VideoDuration.seconds(file, type);
            } finally {
                Files.delete(file);
            }
        }
    }

    @FuzzTest
    void captions(byte[] bytes) {
        try {
            WebVtt.check(bytes, LIMITS.maxCaptionsBytes().toBytes());
        } catch (RejectedUploadException refused) {
            // a clear refusal is a right answer
        }
    }
}
