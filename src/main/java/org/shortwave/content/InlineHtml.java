package org.shortwave.content;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Rich text of a paragraph or list item: HTML restricted to emphasis, strong and links (http, https, mailto or
 * site-relative). The only way to make one is {@link #sanitize}, so holding an {@code InlineHtml} means the markup is
 * safe to write into a page as it is.
 */
public final class InlineHtml {

    public static final int MAX_LENGTH = 20_000;

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("em", "strong", "a")
            .allowElements((name, attrs) -> "strong", "b")
            .allowElements((name, attrs) -> "em", "i")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .toFactory();

    private final String html;

    private InlineHtml(String html) {
        this.html = html;
    }

    /** Cleans untrusted markup: anything outside the small allowed set is removed, text is kept. */
    public static InlineHtml sanitize(String untrusted) {
        if (untrusted == null || untrusted.isBlank()) {
            throw new InvalidBodyException("text must not be empty", null, "body.invalid.empty");
        }
        if (untrusted.length() > MAX_LENGTH) {
            throw new InvalidBodyException("text is longer than " + MAX_LENGTH + " characters", null,
                    "body.invalid.too-long", MAX_LENGTH);
        }
        String clean = POLICY.sanitize(untrusted.strip());
        if (clean.isBlank()) { // only markup that was removed, e.g. <img onerror=...>: nothing for a reader
            throw new InvalidBodyException("text has nothing left once unsafe markup is removed", null,
                    "body.invalid.markup-only");
        }
        return new InlineHtml(clean);
    }

    /** The text a reader sees: the markup without its tags, entities decoded. */
    public String text() {
        return org.springframework.web.util.HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", ""));
    }

    /** Safe HTML, ready to be written into a page unescaped. */
    public String html() {
        return html;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InlineHtml that && html.equals(that.html);
    }

    @Override
    public int hashCode() {
        return html.hashCode();
    }

    @Override
    public String toString() {
        return html;
    }
}
