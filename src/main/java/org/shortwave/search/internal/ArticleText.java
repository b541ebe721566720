package org.shortwave.search.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shortwave.content.Article;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Person;
import org.shortwave.content.Topic;

/** The searchable plain text of an article: lead, body, authors and topics, without markup. */
public final class ArticleText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private ArticleText() {
    }

    /** Lead and body, paragraph by paragraph: what snippets are cut from. */
    public static String body(Article article) {
        StringBuilder text = new StringBuilder(article.lead());
        for (Block block : article.body()) {
            switch (block) {
                case Block.Paragraph p -> append(text, plain(p.text()));
                case Block.Heading h -> append(text, h.text());
                case Block.Quote q -> append(text, q.text() + " " + q.attribution());
                case Block.ListBlock l -> l.items().forEach(item -> append(text, plain(item)));
                case Block.Image i -> append(text, i.caption() == null ? "" : i.caption());
                default -> { }
            }
        }
        return text.toString();
    }

    /** Body plus the names of authors and topics, so that a search for a reporter or a theme finds the story. */
    public static String searchable(Article article) {
        StringBuilder text = new StringBuilder(body(article));
        for (Person author : article.authors()) {
            append(text, author.name() + (author.latinName() == null ? "" : " " + author.latinName()));
        }
        for (Topic topic : article.topics()) {
            append(text, topic.name());
        }
        return text.toString();
    }

    static String plain(InlineHtml html) {
        String text = TAG.matcher(html.html()).replaceAll("");
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (entity.find()) {
            entity.appendReplacement(out, Matcher.quoteReplacement(decode(entity.group(1))));
        }
        entity.appendTail(out);
        return out.toString();
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                boolean hex = entity.charAt(1) == 'x' || entity.charAt(1) == 'X';
                int cp = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
                yield Character.isValidCodePoint(cp) ? Character.toString(cp) : "";
            }
        };
    }

    private static void append(StringBuilder text, String part) {
        if (!part.isBlank()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(part);
        }
    }
}
