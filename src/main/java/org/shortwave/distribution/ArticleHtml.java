package org.shortwave.distribution;

import org.shortwave.content.Article;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.springframework.web.util.HtmlUtils;

/**
 * An article's body as HTML for full-text feeds. Text blocks only: photos and videos stay on the page (the main
 * image travels as the feed's enclosure). Plain text is escaped; inline rich text is already sanitized.
 */
final class ArticleHtml {

    private ArticleHtml() {
    }

    static String of(Article article) {
        StringBuilder html = new StringBuilder();
        if (!article.lead().isEmpty()) {
            html.append("<p><strong>").append(escape(article.lead())).append("</strong></p>\n");
        }
        boolean opening = true;
        for (Block block : article.body()) {
            switch (block) {
                case Block.Paragraph p -> {
                    html.append("<p>");
                    if (opening && !article.dateline().isEmpty()) {
                        html.append(escape(article.dateline())).append(' ');
                    }
                    opening = false;
                    html.append(p.text().html()).append("</p>\n");
                }
                case Block.Heading h -> html.append("<h").append(h.level()).append('>').append(escape(h.text()))
                        .append("</h").append(h.level()).append(">\n");
                case Block.Quote q -> {
                    html.append("<blockquote><p>").append(escape(q.text())).append("</p>");
                    if (!q.attribution().isEmpty()) {
                        html.append("<p>— ").append(escape(q.attribution())).append("</p>");
                    }
                    html.append("</blockquote>\n");
                }
                case Block.ListBlock l -> {
                    String tag = l.ordered() ? "ol" : "ul";
                    html.append('<').append(tag).append('>');
                    for (InlineHtml item : l.items()) {
                        html.append("<li>").append(item.html()).append("</li>");
                    }
                    html.append("</").append(tag).append(">\n");
                }
                case Block.Divider d -> html.append("<hr>\n");
                case Block.Image i -> { }
                case Block.Video v -> { }
            }
        }
        return html.toString();
    }

    /** Text as HTML that shows it: {@code &}, {@code <}, {@code >} and quotes escaped. */
    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
