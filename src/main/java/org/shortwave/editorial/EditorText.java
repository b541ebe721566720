package org.shortwave.editorial;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shortwave.content.InlineHtml;
import org.springframework.web.util.HtmlUtils;

/**
 * The editor's way to mark text without HTML: {@code **strong**}, {@code *emphasis*} and
 * {@code [link text](https://...)}. Converted to the body's safe inline HTML on save and back for editing.
 */
public final class EditorText {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{1,500})\\]\\(((?:https?://|mailto:|/)[^)\\s]{1,2000})\\)");
    private static final Pattern STRONG = Pattern.compile("\\*\\*([^*\\n]{1,2000})\\*\\*");
    private static final Pattern EM = Pattern.compile("\\*([^*\\n]{1,2000})\\*");
    private static final Pattern HTML_LINK = Pattern.compile("<a href=\"([^\"]*)\">(.*?)</a>");

    private EditorText() {
    }

    /** Marked-up text to sanitized inline HTML (everything but the marks is text, never markup). */
    public static InlineHtml toHtml(String marked) {
        String html = HtmlUtils.htmlEscape(marked == null ? "" : marked.strip(), "UTF-8");
        html = replace(LINK, html, m -> "<a href=\"" + m.group(2) + "\">" + m.group(1) + "</a>");
        html = replace(STRONG, html, m -> "<strong>" + m.group(1) + "</strong>");
        html = replace(EM, html, m -> "<em>" + m.group(1) + "</em>");
        return InlineHtml.sanitize(html);
    }

    /** Safe inline HTML back to marked-up text for the editor. */
    public static String toMarks(InlineHtml html) {
        String text = replace(HTML_LINK, html.html(),
                m -> "[" + m.group(2) + "](" + HtmlUtils.htmlUnescape(m.group(1)) + ")");
        text = text.replace("<strong>", "**").replace("</strong>", "**").replace("<em>", "*").replace("</em>", "*");
        return HtmlUtils.htmlUnescape(text);
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<java.util.regex.MatchResult, String> with) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
    }
}
