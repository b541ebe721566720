package org.shortwave.media;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.shortwave.media.RejectedUploadException.Reason;

/**
 * Checks a captions file is WebVTT as browsers read it: UTF-8, a first line {@code WEBVTT} (alone or followed by a
 * space or tab and a title), and at least one cue timing line such as {@code 00:00:01.000 --> 00:00:04.000}.
 * Browsers show cue text as text, never as HTML, so its content needs no sanitizing.
 */
final class WebVtt {

    static final String FIELD = "captions";

    private static final Pattern HEADER = Pattern.compile("\\AWEBVTT(?:[ \\t][^\\r\\n]*)?(?:\\r\\n|\\r|\\n|\\z)");
    private static final String TIME = "(?:\\d{2,}:)?[0-5]\\d:[0-5]\\d\\.\\d{3}";
    private static final Pattern TIMING = Pattern.compile("(?m)^" + TIME + "[ \\t]+-->[ \\t]+" + TIME + "(?:[ \\t].*)?$");

    private WebVtt() {
    }

    /** The captions as text, or a refusal saying what is wrong with them. */
    static String check(byte[] bytes, long maxBytes) {
        if (bytes.length > maxBytes) {
            throw new RejectedUploadException(Reason.TOO_LARGE, FIELD, "media.file.too-large",
                    MediaUploads.megabytes(maxBytes));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedUploadException(Reason.UNREADABLE, FIELD, "media.captions.not-utf8", "UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!HEADER.matcher(text).lookingAt() || text.indexOf('\u0000') >= 0) {
            throw new RejectedUploadException(Reason.UNSUPPORTED_TYPE, FIELD, "media.captions.not-webvtt", "WebVTT",
                    "WEBVTT");
        }
        if (!TIMING.matcher(text).find()) {
            throw new RejectedUploadException(Reason.UNREADABLE, FIELD, "media.captions.no-cues",
                    "00:00:01.000 --> 00:00:04.000");
        }
        return text;
    }
}
