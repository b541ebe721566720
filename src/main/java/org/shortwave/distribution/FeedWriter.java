package org.shortwave.distribution;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shortwave.content.Article;
import org.shortwave.i18n.Edition;
import org.shortwave.platform.PublicUrl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link FeedChannel} as RSS 2.0 or Atom 1.0 (with Rome, which escapes and formats dates: RFC 822 and
 * RFC 3339) or JSON Feed 1.1 (with Jackson). Items carry the lead as summary, or the whole text when
 * {@code shortwave.feeds.full-text=true}. Each item's id is the article's id-only permalink
 * ({@code https://host/en/a-12}), which redirects to the current URL and never changes with the slug.
 */
@Component
public class FeedWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PublicUrl publicUrl;
    private final Clock clock;
    private final boolean fullText;

    FeedWriter(PublicUrl publicUrl, Clock clock, @Value("${shortwave.feeds.full-text:false}") boolean fullText) {
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.fullText = fullText;
    }

    public String write(FeedChannel channel, FeedFormat format) {
        return switch (format) {
            case RSS -> output(rss(channel));
            case ATOM -> atomWithLanguage(atom(channel), channel.edition().languageTag());
            case JSON -> JSON.writeValueAsString(json(channel));
        };
    }

    /** The stable id of an article in every feed: its id-only permalink. */
    public String guid(Article article) {
        return publicUrl.of("/" + article.editionCode() + "/a-" + article.id());
    }

    private Channel rss(FeedChannel feed) {
        Channel channel = new Channel("rss_2.0");
        // Readers render RSS titles and categories as HTML too (RSS 2.0 never said which): escaped once for that,
        // once more by Rome for XML, as the description is. Atom says type="text", and JSON Feed is plain text.
        channel.setTitle(clean(ArticleHtml.escape(feed.title())));
        channel.setLink(publicUrl.of(feed.pagePath()));
        channel.setDescription(clean(ArticleHtml.escape(feed.title())));
        channel.setLanguage(feed.edition().languageTag());
        channel.setLastBuildDate(Date.from(updated(feed)));
        channel.setPubDate(Date.from(updated(feed)));
        channel.setGenerator("Shortwave");
        channel.setTtl(5);
        List<Item> items = new ArrayList<>();
        for (FeedEntry entry : feed.entries()) {
            Article article = entry.article();
            Item item = new Item();
            item.setTitle(clean(ArticleHtml.escape(article.headline())));
            item.setLink(publicUrl.of(article.path()));
            Guid guid = new Guid();
            guid.setValue(guid(article));
            guid.setPermaLink(true);
            item.setGuid(guid);
            item.setPubDate(Date.from(article.publishedAt()));
            Description description = new Description();
            // Readers render an RSS description as HTML, whatever type Rome is told: plain text goes escaped.
            description.setType("text/html");
            description.setValue(clean(fullText ? ArticleHtml.of(article) : ArticleHtml.escape(summary(article))));
            item.setDescription(description);
            Category category = new Category();
            category.setValue(clean(ArticleHtml.escape(article.section().name())));
            item.setCategories(List.of(category));
            if (entry.image() != null) {
                Enclosure enclosure = new Enclosure();
                enclosure.setUrl(publicUrl.of(entry.image().url()));
                enclosure.setLength(entry.image().byteSize());
                enclosure.setType(entry.image().contentType());
                item.setEnclosures(List.of(enclosure));
            }
            items.add(item);
        }
        channel.setItems(items);
        return channel;
    }

    private Feed atom(FeedChannel channel) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(publicUrl.of(FeedFormat.ATOM.pathFor(channel.pagePath())));
        feed.setTitle(clean(channel.title()));
        feed.setLanguage(channel.edition().languageTag());
        feed.setUpdated(Date.from(updated(channel)));
        feed.setAlternateLinks(List.of(link("alternate", publicUrl.of(channel.pagePath()), "text/html")));
        feed.setOtherLinks(List.of(link("self", publicUrl.of(FeedFormat.ATOM.pathFor(channel.pagePath())),
                FeedFormat.ATOM.mediaType())));
        feed.setAuthors(List.of(person(channel.edition().siteName())));
        feed.setGenerator(generator());
        List<Entry> entries = new ArrayList<>();
        for (FeedEntry item : channel.entries()) {
            Article article = item.article();
            Entry entry = new Entry();
            entry.setId(guid(article));
            entry.setTitle(clean(article.headline()));
            entry.setPublished(Date.from(article.publishedAt()));
            entry.setUpdated(Date.from(modified(article)));
            entry.setAlternateLinks(List.of(link("alternate", publicUrl.of(article.path()), "text/html")));
            if (item.image() != null) {
                Link enclosure = link("enclosure", publicUrl.of(item.image().url()), item.image().contentType());
                enclosure.setLength(item.image().byteSize());
                entry.setOtherLinks(List.of(enclosure));
            }
            entry.setSummary(content("text", summary(article)));
            if (fullText) {
                entry.setContents(List.of(content("html", ArticleHtml.of(article))));
            }
            if (!article.authors().isEmpty()) {
                entry.setAuthors(article.authors().stream().map(p -> person(p.name())).toList());
            }
            entries.add(entry);
        }
        feed.setEntries(entries);
        return feed;
    }

    private Map<String, Object> json(FeedChannel channel) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", clean(channel.title()));
        feed.put("home_page_url", publicUrl.of(channel.pagePath()));
        feed.put("feed_url", publicUrl.of(FeedFormat.JSON.pathFor(channel.pagePath())));
        feed.put("language", channel.edition().languageTag());
        List<Map<String, Object>> items = new ArrayList<>();
        for (FeedEntry entry : channel.entries()) {
            Article article = entry.article();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", guid(article));
            item.put("url", publicUrl.of(article.path()));
            item.put("title", clean(article.headline()));
            if (fullText) {
                item.put("content_html", clean(ArticleHtml.of(article)));
            } else {
                item.put("content_text", clean(summary(article)));
            }
            item.put("summary", clean(summary(article)));
            if (entry.image() != null) {
                item.put("image", publicUrl.of(entry.image().url()));
            }
            item.put("date_published", iso(article.publishedAt(), channel.edition()));
            item.put("date_modified", iso(modified(article), channel.edition()));
            if (!article.authors().isEmpty()) {
                item.put("authors", article.authors().stream().map(p -> Map.of("name", clean(p.name()))).toList());
            }
            item.put("tags", List.of(clean(article.section().name())));
            items.add(item);
        }
        feed.put("items", items);
        return feed;
    }

    /** RFC 3339 with the edition's offset, e.g. {@code 2026-11-26T20:00:00+08:00}. */
    static String iso(Instant instant, Edition edition) {
        return instant.atZone(edition.timeZone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static Instant modified(Article article) {
        return article.wasUpdated() ? article.updatedAt() : article.publishedAt();
    }

    private Instant updated(FeedChannel channel) {
        return channel.entries().stream().map(e -> modified(e.article())).max(Comparator.naturalOrder())
                .orElse(clock.instant());
    }

    private static String summary(Article article) {
        return article.lead().isEmpty() ? article.headline() : article.lead();
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(String name) {
        com.rometools.rome.feed.atom.Person person = new com.rometools.rome.feed.atom.Person();
        person.setName(clean(name));
        return person;
    }

    private static Content content(String type, String value) {
        Content content = new Content();
        content.setType(type);
        content.setValue(clean(value));
        return content;
    }

    private static com.rometools.rome.feed.atom.Generator generator() {
        com.rometools.rome.feed.atom.Generator generator = new com.rometools.rome.feed.atom.Generator();
        generator.setValue("Shortwave");
        return generator;
    }

    private static String clean(String text) {
        return XmlText.clean(text);
    }

    /** Rome's Atom writer leaves out the feed's language; Atom carries it as {@code xml:lang} on the root. */
    private static String atomWithLanguage(Feed feed, String languageTag) {
        try {
            org.jdom2.Document document = new WireFeedOutput().outputJDom(feed);
            document.getRootElement().setAttribute("lang", languageTag, org.jdom2.Namespace.XML_NAMESPACE);
            return new org.jdom2.output.XMLOutputter(org.jdom2.output.Format.getPrettyFormat().setEncoding("UTF-8"))
                    .outputString(document);
        } catch (FeedException e) {
            throw new IllegalStateException("could not write the Atom feed", e);
        }
    }

    private static String output(WireFeed feed) {
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("could not write the " + feed.getFeedType() + " feed", e);
        }
    }
}
