package org.shortwave.distribution;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.shortwave.content.Article;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.shortwave.distribution.internal.DistributionRepository.ArticleLocation;
import org.shortwave.distribution.internal.DistributionRepository.NewsItem;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.platform.PublicUrl;
import org.springframework.stereotype.Service;

/**
 * Sitemaps, always built from the database as it is now, so they are current after every publish: an index
 * ({@code /sitemap.xml}) of the listing pages' sitemap, the article sitemaps (at most {@value #PAGE_SIZE} URLs
 * each, in id order) and one Google News sitemap per edition (the last two days, at most {@value #NEWS_LIMIT}).
 * Written with an XML stream writer, which escapes every value.
 */
@Service
public class Sitemaps {

    public static final int PAGE_SIZE = 50_000;
    public static final int NEWS_LIMIT = 1_000;
    public static final Duration NEWS_AGE = Duration.ofDays(2);

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    private final PublicListings listings;
    private final Editions editions;
    private final Taxonomy taxonomy;
    private final PublicUrl publicUrl;

    Sitemaps(PublicListings listings, Editions editions, Taxonomy taxonomy, PublicUrl publicUrl) {
        this.listings = listings;
        this.editions = editions;
        this.taxonomy = taxonomy;
        this.publicUrl = publicUrl;
    }

    public static String pagesPath() {
        return "/sitemaps/pages.xml";
    }

    public static String articlesPath(int page) {
        return "/sitemaps/articles-" + page + ".xml";
    }

    public static String newsPath(Edition edition) {
        return "/" + edition.code() + "/sitemap-news.xml";
    }

    public int articlePages() {
        return (int) Math.max(1, (listings.countArticles() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public String index() {
        return xml(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(SITEMAP_NS);
            sitemap(w, pagesPath());
            for (int page = 1; page <= articlePages(); page++) {
                sitemap(w, articlesPath(page));
            }
            for (Edition edition : editions.all()) {
                sitemap(w, newsPath(edition));
            }
            w.writeEndElement();
        });
    }

    /** Edition homes, sections and topics. */
    public String pages() {
        return xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (Edition edition : editions.all()) {
                url(w, edition.homePath(), null);
                for (Section section : taxonomy.sections(edition.code())) {
                    url(w, section.path(), null);
                }
                for (Topic topic : listings.topics(edition.code())) {
                    url(w, topic.path(), null);
                }
            }
            w.writeEndElement();
        });
    }

    /** Page {@code page} (from 1) of the article sitemaps; empty past the last page (the first always exists). */
    public Optional<String> articles(int page) {
        if (page < 1 || page > articlePages()) {
            return Optional.empty();
        }
        List<ArticleLocation> locations = listings.articleLocations((page - 1) * PAGE_SIZE, PAGE_SIZE);
        return Optional.of(xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (ArticleLocation location : locations) {
                url(w, Article.path(location.editionCode(), location.slug(), location.id()), location.modified());
            }
            w.writeEndElement();
        }));
    }

    public String news(Edition edition) {
        List<NewsItem> items = listings.news(edition.code(), NEWS_AGE, NEWS_LIMIT);
        return xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            w.writeNamespace("news", NEWS_NS);
            for (NewsItem item : items) {
                w.writeStartElement(SITEMAP_NS, "url");
                element(w, SITEMAP_NS, "loc", publicUrl.of(Article.path(item.editionCode(), item.slug(), item.id())));
                w.writeStartElement(NEWS_NS, "news");
                w.writeStartElement(NEWS_NS, "publication");
                element(w, NEWS_NS, "name", edition.siteName());
                element(w, NEWS_NS, "language", newsLanguage(edition));
                w.writeEndElement();
                element(w, NEWS_NS, "publication_date", FeedWriter.iso(item.publishedAt(), edition));
                element(w, NEWS_NS, "title", item.headline());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /**
     * Google News wants ISO 639 codes, except Chinese, which it takes as {@code zh-cn} (simplified) or
     * {@code zh-tw} (traditional).
     */
    static String newsLanguage(Edition edition) {
        String language = edition.locale().getLanguage();
        if (!language.equals("zh")) {
            return language;
        }
        String script = edition.locale().getScript();
        String country = edition.locale().getCountry();
        boolean traditional = script.equals("Hant") || (script.isEmpty() && List.of("TW", "HK", "MO").contains(country));
        return traditional ? "zh-tw" : "zh-cn";
    }

    private void sitemap(XMLStreamWriter w, String path) throws XMLStreamException {
        w.writeStartElement(SITEMAP_NS, "sitemap");
        element(w, SITEMAP_NS, "loc", publicUrl.of(path));
        w.writeEndElement();
    }

    private void url(XMLStreamWriter w, String path, Instant modified) throws XMLStreamException {
        w.writeStartElement(SITEMAP_NS, "url");
        element(w, SITEMAP_NS, "loc", publicUrl.of(path));
        if (modified != null) {
            element(w, SITEMAP_NS, "lastmod", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC)));
        }
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String namespace, String name, String text) throws XMLStreamException {
        w.writeStartElement(namespace, name);
        w.writeCharacters(XmlText.clean(text));
        w.writeEndElement();
    }

    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            writer.setDefaultNamespace(SITEMAP_NS);
            writer.setPrefix("news", NEWS_NS);
            writer.writeStartDocument("UTF-8", "1.0");
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write a sitemap", e);
        }
        return out.toString();
    }
}
