package org.shortwave.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoDurationTest {

    static final Path DEMO_MP4 = Path.of("src/main/resources/demo/media/shortwave-tower.mp4");

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "video", ".bin"), bytes);
    }

    @Test
    void readsTheLengthOfAnMp4FromItsMovieHeader() {
        assertThat(VideoDuration.seconds(DEMO_MP4, FileType.MP4)).hasValue(24);
    }

    @Test
    void aTruncatedOrFakeMp4HasNoLength() throws IOException {
        byte[] mp4 = Files.readAllBytes(DEMO_MP4);
        assertThat(VideoDuration.seconds(file(Arrays.copyOf(mp4, 60)), FileType.MP4)).isEmpty();
        byte[] fake = "\0\0\0\u0018ftypisom\0\0\0\0isommp42 and then nothing".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(VideoDuration.seconds(file(fake), FileType.MP4)).isEmpty();
        // A box claiming to be far larger than the file.
        byte[] lying = Arrays.copyOf(mp4, 200);
        lying[32] = 0x7F;
        assertThat(VideoDuration.seconds(file(lying), FileType.MP4)).isEmpty();
    }

    @Test
    void readsTheLengthOfAWebmFromItsSegmentInfo() throws IOException {
        assertThat(VideoDuration.seconds(file(webm(101_000.0)), FileType.WEBM)).hasValue(101);
        assertThat(VideoDuration.seconds(file(webm(-1)), FileType.WEBM)).isEmpty();
    }

    /** EBML header (DocType webm), a Segment of unknown size, its Info with TimestampScale 1 ms and a Duration. */
    static byte[] webm(double milliseconds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] docType = element(0x4282, "webm".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(element(0x1A45DFA3, docType));
        out.writeBytes(new byte[] {0x18, 0x53, (byte) 0x80, 0x67, 0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes(element(0x2AD7B1, new byte[] {0x0F, 0x42, 0x40}));
        if (milliseconds >= 0) {
            info.writeBytes(element(0x4489, ByteBuffer.allocate(8).putDouble(milliseconds).array()));
        }
        out.writeBytes(element(0x1549A966, info.toByteArray()));
        out.writeBytes(element(0x1F43B675, new byte[16]));
        return out.toByteArray();
    }

    private static byte[] element(int id, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] idBytes = ByteBuffer.allocate(4).putInt(id).array();
        int skip = 0;
        while (idBytes[skip] == 0) {
            skip++;
        }
        out.write(idBytes, skip, 4 - skip);
        out.write(0x80 | data.length); // one-byte size: data under 127 bytes here
        out.writeBytes(data);
        return out.toByteArray();
    }
}
