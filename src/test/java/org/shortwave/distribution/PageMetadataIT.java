package org.shortwave.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Article and listing heads: canonical, hreflang, feed links, Open Graph, Twitter card and NewsArticle JSON-LD. */
class PageMetadataIT extends AppTestBase {

    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;

    @Test
    void theReferenceArticleCarriesNewsArticleDataAndSocialTags() {
        String path = referenceArticlePath("zh-hans");
        Document page = Jsoup.parse(get(path).body());
        String url = "http://localhost:8080" + org.springframework.web.util.UriUtils.encodePath(path, "UTF-8");

        assertThat(page.select("link[rel=canonical]").eachAttr("href")).containsExactly(url);

        JsonNode data = jsonLd(page);
        assertThat(data.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(data.path("@type").asString()).isEqualTo("NewsArticle");
        assertThat(data.path("headline").asString()).isEqualTo(page.selectFirst("article h1").text());
        assertThat(data.path("url").asString()).isEqualTo(url);
        assertThat(data.path("image").isArray()).isTrue();
        assertThat(data.path("image").size()).isPositive();
        data.path("image").forEach(i -> assertThat(i.asString()).startsWith("http://localhost:8080/media/"));
        OffsetDateTime published = OffsetDateTime.parse(data.path("datePublished").asString());
        OffsetDateTime modified = OffsetDateTime.parse(data.path("dateModified").asString());
        assertThat(published.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(modified).isAfterOrEqualTo(published);
        assertThat(page.selectFirst("article header time").attr("datetime")).isEqualTo(published.toInstant().toString());
        assertThat(data.path("author").size()).isPositive();
        data.path("author").forEach(a -> {
            assertThat(a.path("@type").asString()).isEqualTo("Person");
            assertThat(a.path("name").asString()).isNotBlank();
        });
        // Keys in a fixed order: the page's bytes (and so its ETag) must be the same on every node and after a restart.
        String script = page.selectFirst("script[type=application/ld+json]").data();
        assertThat(script).contains("\"author\":[{\"@type\":\"Person\",\"name\":")
                .contains("\"copyrightHolder\":{\"@type\":\"Organization\",\"name\":");
        assertThat(data.path("publisher").path("name").asString()).isEqualTo("短波");
        assertThat(data.path("publisher").path("url").asString()).isEqualTo("http://localhost:8080/zh-hans/");
        assertThat(data.path("inLanguage").asString()).isEqualTo("zh-Hans-CN");

        assertThat(meta(page, "property", "og:type")).isEqualTo("article");
        assertThat(meta(page, "property", "og:title")).isEqualTo(data.path("headline").asString());
        assertThat(meta(page, "property", "og:url")).isEqualTo(url);
        assertThat(meta(page, "property", "og:image")).startsWith("http://localhost:8080/media/");
        assertThat(meta(page, "property", "og:image:alt")).isNotBlank();
        assertThat(meta(page, "property", "og:locale")).isEqualTo("zh_CN");
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(page, "name", "twitter:image")).isEqualTo(meta(page, "property", "og:image"));

        // hreflang: the page itself, its public language versions (English, the derived traditional-Chinese one,
        // Persian) and an x-default, the version in the default edition; every version lists the same set.
        List<Element> alternates = page.select("link[rel=alternate][hreflang]");
        assertThat(alternates).extracting(e -> e.attr("hreflang"))
                .containsExactly("zh-Hans-CN", "en-GB", "zh-Hant-TW", "fa-IR", "x-default");
        assertThat(alternates.getFirst().attr("href")).isEqualTo(url);
        assertThat(alternates.getLast().attr("href")).isEqualTo(url);
        List<String> set = alternates.stream().map(e -> e.attr("hreflang") + " " + e.attr("href")).toList();
        for (Element alternate : alternates) {
            String target = alternate.attr("href").substring("http://localhost:8080".length());
            Document other = Jsoup.parse(get(target).body());
            assertThat(other.select("link[rel=alternate][hreflang]").stream()
                    .map(e -> e.attr("hreflang") + " " + e.attr("href")).toList())
                    .containsExactlyInAnyOrderElementsOf(set);
        }

        assertThat(page.select("link[rel=alternate][type=application/rss+xml]").attr("href")).isEqualTo("/zh-hans/feed.rss");
    }

    @Test
    void aHeadlineCannotBreakOutOfTheJsonLdScript() {
        Section section = taxonomy.section("en", taxonomy.ensureSection("en", "metadata-tests", "Metadata tests", 95)).orElseThrow();
        String headline = "Breaking </script><script>alert(1)</script> & \"quotes\"";
        long id = store.create(anArticle().in(section).headline(headline).publishedAt(NOW.minusSeconds(3600)).build());
        String path = jdbc.sql("select '/en/' || slug || '/a-' || id from article where id = ?").param(id).query(String.class).single();
        String html = get(path).body();

        Document page = Jsoup.parse(html);
        assertThat(page.select("script:not([src^=/assets/])")).hasSize(1);
        String script = page.selectFirst("script[type=application/ld+json]").data();
        assertThat(script).doesNotContain("<", ">", "&");
        assertThat(jsonLd(page).path("headline").asString()).isEqualTo(headline);
        assertThat(jsonLd(page).has("image")).isFalse();
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary");
    }

    @Test
    void listingPagesAdvertiseTheirFeedsAndHomesTheirLanguageVersions() {
        Document home = Jsoup.parse(get("/en/").body());
        assertThat(home.select("link[rel=alternate][type]").eachAttr("href"))
                .containsExactly("/en/feed.rss", "/en/feed.atom", "/en/feed.json");
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/en/");
        assertThat(home.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).contains("en-GB", "zh-Hans-CN", "x-default");
        for (String feed : home.select("link[rel=alternate][type]").eachAttr("href")) {
            assertThat(get(feed).statusCode()).as(feed).isEqualTo(200);
        }
        String sectionPath = jdbc.sql("select '/en/' || slug || '/s-' || id from section where edition_code = 'en' order by position limit 1")
                .query(String.class).single();
        Document section = Jsoup.parse(get(sectionPath).body());
        assertThat(section.select("link[rel=alternate][type=application/atom+xml]").attr("href")).isEqualTo(sectionPath + "/feed.atom");
        assertThat(get(sectionPath + "/feed.atom").statusCode()).isEqualTo(200);
    }

    private static JsonNode jsonLd(Document page) {
        Element script = page.selectFirst("head script[type=application/ld+json]");
        assertThat(script).isNotNull();
        return JsonMapper.builder().build().readTree(script.data());
    }

    private static String meta(Document page, String attribute, String key) {
        Element meta = page.selectFirst("meta[" + attribute + "=" + key + "]");
        assertThat(meta).as(key).isNotNull();
        return meta.attr("content");
    }
}
