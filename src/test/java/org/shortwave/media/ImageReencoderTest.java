package org.shortwave.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.shortwave.media.RejectedUploadException.Reason;
import org.springframework.util.unit.DataSize;

class ImageReencoderTest {

    private final ImageReencoder reencoder = new ImageReencoder(new MediaLimits(DataSize.ofMegabytes(20),
            DataSize.ofMegabytes(200), DataSize.ofKilobytes(512), 40_000_000, 12_000, List.of(640, 320, 2000), 2));

    @Test
    void everyAcceptedImageTypeHasAReader() {
        for (FileType type : FileType.values()) {
            if (type.isAcceptedImage()) {
                assertThat(ImageIO.getImageReadersByFormatName(type.name().toLowerCase()).hasNext())
                        .as(type.name()).isTrue();
            }
        }
    }

    @Test
    void renditionsAreNarrowerThanTheOriginalAndKeepItsShape() {
        ImageReencoder.Result result = reencoder.reencode(TestFiles.jpeg(1000, 600), FileType.JPEG, "file");
        assertThat(result.image().width()).isEqualTo(1000);
        assertThat(result.renditions()).extracting(ImageReencoder.Encoded::width).containsExactly(320, 640);
        assertThat(result.renditions()).extracting(ImageReencoder.Encoded::height).containsExactly(192, 384);
        assertThat(FileType.sniff(result.renditions().getFirst().bytes())).isEqualTo(FileType.JPEG);
    }

    @Test
    void aHeaderClaimingTooManyPixelsIsRefusedWithItsNumbers() {
        assertThatThrownBy(() -> reencoder.reencode(TestFiles.pngHeaderOnly(50_000, 50_000), FileType.PNG, "file"))
                .isInstanceOfSatisfying(RejectedUploadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(e.args()).containsExactly(50_000, 50_000, 40L, 12_000);
                });
        // Within the pixel count but too long a side.
        assertThatThrownBy(() -> reencoder.reencode(TestFiles.pngHeaderOnly(20_000, 10), FileType.PNG, "file"))
                .isInstanceOfSatisfying(RejectedUploadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }
}
