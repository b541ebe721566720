package org.shortwave.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.shortwave.media.RejectedUploadException.Reason;

class WebVttTest {

    private static final long MAX = 512 * 1024;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefused(byte[] captions, Reason reason, String key) {
        assertThatThrownBy(() -> WebVtt.check(captions, MAX))
                .isInstanceOfSatisfying(RejectedUploadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.field()).isEqualTo("captions");
                });
    }

    @Test
    void acceptsWebVttWithOrWithoutATitleOrByteOrderMark() {
        assertThat(WebVtt.check(TestFiles.vtt(), MAX)).startsWith("WEBVTT");
        WebVtt.check(utf8("WEBVTT - 台风演练\r\n\r\n01:00:00.000 --> 01:00:02.500 align:start\r\n字幕\r\n"), MAX);
        WebVtt.check(utf8("\uFEFFWEBVTT\n\nintro\n00:01.000 --> 00:02.000\nHello\n"), MAX);
    }

    @Test
    void refusesFilesThatAreNotWebVtt() {
        assertRefused(utf8("1\n00:00:01,000 --> 00:00:02,000\nAn SRT file\n"), Reason.UNSUPPORTED_TYPE,
                "media.captions.not-webvtt");
        assertRefused(utf8("WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n"), Reason.UNSUPPORTED_TYPE,
                "media.captions.not-webvtt");
        assertRefused(utf8("<html><script>alert(1)</script>"), Reason.UNSUPPORTED_TYPE, "media.captions.not-webvtt");
        assertRefused(utf8("WEBVTT\n\nno timings here\n"), Reason.UNREADABLE, "media.captions.no-cues");
        assertRefused(utf8("WEBVTT\n\n00:01.000 --> 00:02.000\nnul\u0000\n"), Reason.UNSUPPORTED_TYPE,
                "media.captions.not-webvtt");
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] latin1 = "WEBVTT\n\n00:01.000 --> 00:02.000\nCaf\u00E9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(latin1, Reason.UNREADABLE, "media.captions.not-utf8");
    }

    @Test
    void refusesFilesOverTheLimit() {
        byte[] big = utf8("WEBVTT\n\n00:01.000 --> 00:02.000\n" + "x".repeat((int) MAX));
        assertRefused(big, Reason.TOO_LARGE, "media.file.too-large");
    }
}
