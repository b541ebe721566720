package org.shortwave.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    @Test
    void readsTheOrientationFromTheExifSegment() {
        assertThat(ExifOrientation.of(TestFiles.jpegWithExif(40, 20, 6))).isEqualTo(6);
        assertThat(ExifOrientation.of(TestFiles.jpegWithExif(40, 20, 1))).isEqualTo(1);
        assertThat(ExifOrientation.of(TestFiles.jpeg(40, 20))).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0})).isEqualTo(1);
    }

    @Test
    void turnsThePixelsAsTheCameraAsks() {
        BufferedImage image = TestFiles.picture(40, 20, false); // red square at the top left
        BufferedImage clockwise = ExifOrientation.apply(image, 6);
        assertThat(clockwise.getWidth()).isEqualTo(20);
        assertThat(clockwise.getHeight()).isEqualTo(40);
        assertThat(new Color(clockwise.getRGB(18, 1))).isEqualTo(Color.RED); // now at the top right
        assertThat(new Color(clockwise.getRGB(1, 1))).isNotEqualTo(Color.RED);

        for (int orientation = 2; orientation <= 8; orientation++) {
            BufferedImage turned = ExifOrientation.apply(image, orientation);
            int red = 0;
            for (int y = 0; y < turned.getHeight(); y++) {
                for (int x = 0; x < turned.getWidth(); x++) {
                    red += turned.getRGB(x, y) == Color.RED.getRGB() ? 1 : 0;
                }
            }
            assertThat(red).as("orientation %d keeps every pixel", orientation).isEqualTo(10 * 5);
        }
    }
}
