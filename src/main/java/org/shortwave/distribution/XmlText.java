package org.shortwave.distribution;

import java.util.regex.Pattern;

/**
 * Text made safe for XML 1.0: characters XML cannot carry at all (most C0 controls, U+FFFE/FFFF, halves of a
 * surrogate pair without the other half) are removed.
 */
final class XmlText {

    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]"
            + "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

    private XmlText() {
    }

    static String clean(String text) {
        return text == null ? null : NOT_XML.matcher(text).replaceAll("");
    }
}
