package org.shortwave.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The type of a file is told by its bytes alone. */
class FileTypeTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void acceptedImagesAreKnownByTheirSignatures() {
        assertThat(FileType.sniff(TestFiles.jpeg(8, 8))).isEqualTo(FileType.JPEG);
        assertThat(FileType.sniff(TestFiles.png(8, 8, false))).isEqualTo(FileType.PNG);
        assertThat(FileType.sniff(TestFiles.write(TestFiles.picture(8, 8, false), "gif"))).isEqualTo(FileType.GIF);
        assertThat(FileType.sniff(ascii("RIFF\u0010\0\0\0WEBPVP8 "))).isEqualTo(FileType.WEBP);
        assertThat(FileType.sniff(ascii("RIFF\u0010\0\0\0WAVEfmt "))).isEqualTo(FileType.UNKNOWN);
    }

    @Test
    void videosAreMp4WithAPlayableBrandOrWebm() {
        assertThat(FileType.sniff(ascii("\0\0\0\u0018ftypmp42\0\0\0\0isommp42"))).isEqualTo(FileType.MP4);
        assertThat(FileType.sniff(ascii("\0\0\0\u0014ftypXXXX\0\0\0\0avc1"))).isEqualTo(FileType.MP4);
        // HEIC and AVIF images are ISO boxes too, but not videos a browser plays.
        assertThat(FileType.sniff(ascii("\0\0\0\u0018ftypheic\0\0\0\0mif1heic"))).isEqualTo(FileType.UNKNOWN);
        assertThat(FileType.sniff(ascii("\u001A\u0045\u00DF\u00A3\u009F\u0042\u0082\u0084webm")))
                .isEqualTo(FileType.WEBM);
        assertThat(FileType.sniff(ascii("\u001A\u0045\u00DF\u00A3\u009F\u0042\u0082\u0088matroska")))
                .isEqualTo(FileType.UNKNOWN);
    }

    @Test
    void markupIsRecognisedWhateverItsLeadingSpaceOrByteOrderMark() {
        assertThat(FileType.sniff(TestFiles.svgWithScript())).isEqualTo(FileType.SVG);
        assertThat(FileType.sniff(ascii("\u00EF\u00BB\u00BF  <svg viewBox='0 0 1 1'/>"))).isEqualTo(FileType.SVG);
        assertThat(FileType.sniff(TestFiles.html())).isEqualTo(FileType.HTML);
        assertThat(FileType.sniff(ascii("\n<HTML><BODY>hi"))).isEqualTo(FileType.HTML);
        assertThat(FileType.sniff(ascii("<p onclick=x>hi</p>"))).isEqualTo(FileType.HTML);
        assertThat(FileType.sniff(ascii("<?xml version='1.0'?><feed/>"))).isEqualTo(FileType.XML);
    }

    @Test
    void everythingElseIsRefusedKind() {
        assertThat(FileType.sniff(ascii("%PDF-1.7\n"))).isEqualTo(FileType.PDF);
        assertThat(FileType.sniff(ascii("MZ\u0090\0"))).isEqualTo(FileType.EXECUTABLE);
        assertThat(FileType.sniff(ascii("\u007FELF\u0002"))).isEqualTo(FileType.EXECUTABLE);
        assertThat(FileType.sniff(ascii("#!/bin/sh\nrm -rf /"))).isEqualTo(FileType.EXECUTABLE);
        assertThat(FileType.sniff(ascii("just some text, named photo.jpg"))).isEqualTo(FileType.UNKNOWN);
        assertThat(FileType.sniff(new byte[0])).isEqualTo(FileType.UNKNOWN);
        assertThat(FileType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEqualTo(FileType.UNKNOWN);
    }

    @Test
    void onlyImagesAndVideosAreAccepted() {
        for (FileType type : FileType.values()) {
            boolean accepted = type.isAcceptedImage() || type.isVideo();
            assertThat(accepted).as(type.name())
                    .isEqualTo(type == FileType.JPEG || type == FileType.PNG || type == FileType.GIF
                            || type == FileType.WEBP || type == FileType.MP4 || type == FileType.WEBM);
        }
    }
}
