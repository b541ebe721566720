package org.shortwave.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.shortwave.editorial.EditorText;

/**
 * The inline-mark sanitizer and the editor's marks on arbitrary text: whatever comes in, what comes out holds only
 * {@code em}, {@code strong} and {@code a href} with an http, https or mailto address, as parsed by an HTML5 parser
 * (so mutation tricks that re-parse into something else are caught too).
 */
class InlineMarksFuzzTest {

    @FuzzTest
    void sanitizedHtmlHoldsOnlyTheAllowedMarks(FuzzedDataProvider data) {
        boolean editorMarks = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        InlineHtml html;
        try {
            html = editorMarks ? EditorText.toHtml(text) : InlineHtml.sanitize(text);
        } catch (InvalidBodyException refused) {
            return;
        }
        assertOnlyAllowedMarks(html.html());
        // What the editor shows back for editing turns into the same HTML again: no edit round trip adds markup.
        assertOnlyAllowedMarks(EditorText.toHtml(EditorText.toMarks(html)).html());
    }

    static void assertOnlyAllowedMarks(String html) {
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (element.tagName().equals("body")) {
                continue;
            }
            assertThat(element.tagName()).as(html).isIn("em", "strong", "a");
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).as(html).isEqualTo("href");
                assertThat(attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT)).as(html)
                        .matches("(https?://|mailto:|[^:]*$|[^:]*[/?#].*).*");
            });
        }
    }
}
