package org.shortwave.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The sitemap index, the sitemaps and the news sitemaps follow the sitemaps.org and Google News rules. */
class SitemapsIT extends AppTestBase {

    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;

    Section section;

    @BeforeEach
    void section() {
        section = taxonomy.section("en", taxonomy.ensureSection("en", "sitemap-tests", "Sitemap tests", 96)).orElseThrow();
    }

    @Test
    void theIndexListsSitemapsThatListVisibleArticlesOnly() throws Exception {
        long visible = store.create(anArticle().in(section).headline("Sitemap visible").publishedAt(NOW.minus(Duration.ofDays(30))).build());
        long draft = store.create(anArticle().in(section).headline("Sitemap draft").draft().build());
        long unpublished = store.create(anArticle().in(section).headline("Sitemap withdrawn").unpublished().build());
        long future = store.create(anArticle().in(section).headline("Sitemap scheduled").publishedAt(NOW.plusSeconds(60)).build());

        HttpResponse<String> robots = get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.body()).contains("Sitemap: http://localhost:8080/sitemap.xml");

        Document index = xml(get("/sitemap.xml"));
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP);
        List<String> sitemaps = texts(index, SITEMAP, "loc");
        assertThat(sitemaps).contains("http://localhost:8080/sitemaps/pages.xml", "http://localhost:8080/sitemaps/articles-1.xml",
                "http://localhost:8080/en/sitemap-news.xml", "http://localhost:8080/zh-hans/sitemap-news.xml");
        assertThat(sitemaps).hasSizeLessThanOrEqualTo(50_000);

        List<String> urls = new ArrayList<>();
        for (String sitemap : sitemaps) {
            Document doc = xml(get(sitemap.substring("http://localhost:8080".length())));
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("urlset");
            NodeList entries = doc.getElementsByTagNameNS(SITEMAP, "url");
            assertThat(entries.getLength()).isLessThanOrEqualTo(Sitemaps.PAGE_SIZE);
            for (int i = 0; i < entries.getLength(); i++) {
                Element url = (Element) entries.item(i);
                String loc = url.getElementsByTagNameNS(SITEMAP, "loc").item(0).getTextContent();
                assertThat(loc).startsWith("http://localhost:8080/").hasSizeLessThan(2048).doesNotContainPattern("[^\\x21-\\x7e]");
                NodeList lastmod = url.getElementsByTagNameNS(SITEMAP, "lastmod");
                if (lastmod.getLength() > 0) {
                    OffsetDateTime.parse(lastmod.item(0).getTextContent());
                }
                urls.add(loc);
            }
        }
        assertThat(urls).anyMatch(u -> u.endsWith("/a-" + visible));
        assertThat(urls).noneMatch(u -> u.endsWith("/a-" + draft) || u.endsWith("/a-" + unpublished) || u.endsWith("/a-" + future));
        assertThat(urls).contains("http://localhost:8080/en/", "http://localhost:8080/zh-hans/",
                "http://localhost:8080" + section.path());
        assertThat(get("/sitemaps/articles-2.xml").statusCode()).isEqualTo(404);
        assertThat(get("/sitemaps/articles-0.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void theNewsSitemapHoldsTheLastTwoDaysWithPublicationAndLanguage() throws Exception {
        long recent = store.create(anArticle().in(section).headline("News recent & <fresh>").publishedAt(NOW.minus(Duration.ofHours(5))).build());
        long old = store.create(anArticle().in(section).headline("News old").publishedAt(NOW.minus(Duration.ofDays(3))).build());
        long future = store.create(anArticle().in(section).headline("News future").publishedAt(NOW.plus(Duration.ofHours(1))).build());

        Document doc = xml(get("/en/sitemap-news.xml"));
        NodeList urls = doc.getElementsByTagNameNS(SITEMAP, "url");
        assertThat(urls.getLength()).isPositive().isLessThanOrEqualTo(Sitemaps.NEWS_LIMIT);
        List<String> locs = new ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            locs.add(url.getElementsByTagNameNS(SITEMAP, "loc").item(0).getTextContent());
            Element news = (Element) url.getElementsByTagNameNS(NEWS, "news").item(0);
            Element publication = (Element) news.getElementsByTagNameNS(NEWS, "publication").item(0);
            assertThat(text(publication, "name")).isEqualTo("Shortwave");
            assertThat(text(publication, "language")).isEqualTo("en");
            OffsetDateTime published = OffsetDateTime.parse(text(news, "publication_date"));
            assertThat(published.toInstant()).isAfterOrEqualTo(NOW.minus(Sitemaps.NEWS_AGE)).isBeforeOrEqualTo(NOW);
            assertThat(text(news, "title")).isNotBlank();
        }
        assertThat(locs).anyMatch(u -> u.endsWith("/a-" + recent));
        assertThat(locs).noneMatch(u -> u.endsWith("/a-" + old) || u.endsWith("/a-" + future));
        assertThat(get("/en/sitemap-news.xml").body()).contains("News recent &amp; &lt;fresh&gt;");

        Document chinese = xml(get("/zh-hans/sitemap-news.xml"));
        NodeList languages = chinese.getElementsByTagNameNS(NEWS, "language");
        for (int i = 0; i < languages.getLength(); i++) {
            assertThat(languages.item(i).getTextContent()).isEqualTo("zh-cn");
        }
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(NEWS, name).item(0).getTextContent();
    }

    private static List<String> texts(Document doc, String namespace, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(namespace, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static Document xml(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }
}
