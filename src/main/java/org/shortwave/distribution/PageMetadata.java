package org.shortwave.distribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shortwave.content.Article;
import org.shortwave.content.Block;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.media.MediaItem;
import org.shortwave.platform.PublicUrl;
import org.shortwave.site.ArticlePage;
import org.shortwave.site.ListingPage;
import org.shortwave.site.PageHead;
import org.shortwave.site.PageHeads;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The head of public pages as search engines, social networks and feed readers read it: feed links, hreflang
 * alternates, Open Graph and Twitter card tags, and NewsArticle JSON-LD, all with absolute URLs.
 */
@Component
class PageMetadata implements PageHeads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PublicUrl publicUrl;
    private final Editions editions;

    PageMetadata(PublicUrl publicUrl, Editions editions) {
        this.publicUrl = publicUrl;
        this.editions = editions;
    }

    /** One language version of a page, for hreflang. */
    record Translation(String languageTag, String path) {
    }

    @Override
    public PageHead article(ArticlePage page) {
        Article article = page.article();
        Edition edition = page.chrome().edition();
        String url = publicUrl.of(article.path());
        List<PageHead.Link> links = new ArrayList<>(feedLinks(edition.homePath(), edition.siteName()));
        // Every public language version, this one included; each version's page lists the same set (reciprocal).
        List<Translation> translations = new ArrayList<>();
        translations.add(new Translation(edition.languageTag(), article.path()));
        page.versions().forEach(v -> translations.add(new Translation(v.edition().languageTag(), v.path())));
        links.addAll(hreflang(translations, defaultVersion(page)));

        List<MediaItem> images = images(page);
        MediaItem main = cardImage(page, images);
        String title = article.appearance().socialTitleOr(article.headline());
        List<PageHead.Meta> metas = new ArrayList<>();
        // What search engines show under the title: the search description, else the lead.
        metas.add(new PageHead.Meta(null, "description", summary(article)));
        og(metas, "og:type", "article");
        og(metas, "og:title", title);
        og(metas, "og:description", summary(article));
        og(metas, "og:url", url);
        og(metas, "og:site_name", edition.siteName());
        og(metas, "og:locale", ogLocale(edition.locale()));
        if (main != null) {
            og(metas, "og:image", publicUrl.of(main.url()));
            og(metas, "og:image:type", main.contentType());
            og(metas, "og:image:width", String.valueOf(main.width()));
            og(metas, "og:image:height", String.valueOf(main.height()));
            og(metas, "og:image:alt", main.altText());
        }
        og(metas, "article:published_time", FeedWriter.iso(article.publishedAt(), edition));
        og(metas, "article:modified_time", FeedWriter.iso(FeedWriter.modified(article), edition));
        og(metas, "article:section", article.section().name());
        twitter(metas, "twitter:card", main != null ? "summary_large_image" : "summary");
        twitter(metas, "twitter:title", title);
        twitter(metas, "twitter:description", summary(article));
        if (main != null) {
            twitter(metas, "twitter:image", publicUrl.of(main.url()));
            twitter(metas, "twitter:image:alt", main.altText());
        }
        return new PageHead(links, metas, jsonLd(newsArticle(page, url, images)));
    }

    @Override
    public PageHead listing(ListingPage page) {
        Edition edition = page.chrome().edition();
        String path = page.chrome().canonicalPath();
        List<PageHead.Link> links = new ArrayList<>(feedLinks(path, page.chrome().fullTitle()));
        if (path.equals(edition.homePath())) {
            // The edition homes are the one page every language has.
            List<Translation> homes = editions.all().stream()
                    .map(e -> new Translation(e.languageTag(), e.homePath())).toList();
            String fallback = editions.defaultEdition().map(Edition::homePath).orElse(path);
            links.addAll(hreflang(homes, fallback));
        }
        List<PageHead.Meta> metas = new ArrayList<>();
        og(metas, "og:type", "website");
        og(metas, "og:title", page.chrome().fullTitle());
        og(metas, "og:url", publicUrl.of(path));
        og(metas, "og:site_name", edition.siteName());
        og(metas, "og:locale", ogLocale(edition.locale()));
        twitter(metas, "twitter:card", "summary");
        twitter(metas, "twitter:title", page.chrome().fullTitle());
        return new PageHead(links, metas, null);
    }

    /**
     * x-default: the version in the default edition, else the one in the first edition of the network's order, so
     * that every version of the story names the same page.
     */
    private String defaultVersion(ArticlePage page) {
        Map<String, String> pathByEdition = new java.util.HashMap<>();
        pathByEdition.put(page.chrome().edition().code(), page.article().path());
        page.versions().forEach(v -> pathByEdition.put(v.edition().code(), v.path()));
        List<Edition> order = new ArrayList<>(editions.all());
        order.sort(java.util.Comparator.comparing(e -> !e.isDefault())); // stable: the default first, then as listed
        return order.stream().map(e -> pathByEdition.get(e.code())).filter(java.util.Objects::nonNull).findFirst()
                .orElse(page.article().path());
    }

    private List<PageHead.Link> feedLinks(String pagePath, String title) {
        return java.util.Arrays.stream(FeedFormat.values())
                // The title is the page's own, in its language: the type tells readers the format.
                .map(f -> new PageHead.Link("alternate", f.pathFor(pagePath), f.mediaType(), null, title))
                .toList();
    }

    /** hreflang alternates: every language version, itself included, and x-default. */
    private List<PageHead.Link> hreflang(List<Translation> translations, String defaultPath) {
        List<PageHead.Link> links = new ArrayList<>();
        for (Translation t : translations) {
            links.add(new PageHead.Link("alternate", publicUrl.of(t.path()), null, t.languageTag(), null));
        }
        links.add(new PageHead.Link("alternate", publicUrl.of(defaultPath), null, "x-default", null));
        return links;
    }

    private Map<String, Object> newsArticle(ArticlePage page, String url, List<MediaItem> images) {
        Article article = page.article();
        Edition edition = page.chrome().edition();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("mainEntityOfPage", url);
        data.put("url", url);
        data.put("headline", article.headline());
        data.put("description", summary(article));
        if (!images.isEmpty()) {
            data.put("image", images.stream().map(i -> publicUrl.of(i.url())).toList());
        }
        data.put("datePublished", FeedWriter.iso(article.publishedAt(), edition));
        data.put("dateModified", FeedWriter.iso(FeedWriter.modified(article), edition));
        data.put("inLanguage", edition.languageTag());
        data.put("articleSection", article.section().name());
        // No author pages yet, so authors carry a name only.
        data.put("author", article.authors().stream().map(p -> typed("Person", p.name())).toList());
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "NewsMediaOrganization");
        publisher.put("name", edition.siteName());
        publisher.put("url", publicUrl.of(edition.homePath()));
        data.put("publisher", publisher);
        data.put("copyrightHolder", typed("Organization", article.copyrightHolder()));
        data.put("isAccessibleForFree", true);
        return data;
    }

    /**
     * A named thing of a schema.org type, its keys in a fixed order. Not {@code Map.of}: its order changes from one
     * JVM to the next, and so would the page's bytes and ETag from node to node and across a restart.
     */
    private static Map<String, Object> typed(String type, String name) {
        Map<String, Object> thing = new LinkedHashMap<>();
        thing.put("@type", type);
        thing.put("name", name);
        return thing;
    }

    /** The main image, then the photos of the body, in order. */
    private static List<MediaItem> images(ArticlePage page) {
        List<MediaItem> images = new ArrayList<>();
        if (page.mainImage() != null) {
            images.add(page.mainImage());
        }
        for (Block block : page.article().body()) {
            if (block instanceof Block.Image image && page.media(image.mediaId()) != null
                    && !images.contains(page.media(image.mediaId()))) {
                images.add(page.media(image.mediaId()));
            }
        }
        return images;
    }

    /**
     * JSON for a script element: Jackson escapes it as JSON; then {@code <}, {@code >} and {@code &}, which can only
     * occur inside JSON strings, become {@code \u003c}... so that no text can close the script element.
     */
    static String jsonLd(Object data) {
        return JSON.writeValueAsString(data)
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String summary(Article article) {
        return article.appearance().descriptionOr(article.lead(), article.headline());
    }

    /** The link card's photo: the social image if the page has it, else the first of the story's photos. */
    private static MediaItem cardImage(ArticlePage page, List<MediaItem> images) {
        Long social = page.article().appearance().socialImageId();
        MediaItem chosen = social == null ? null : page.media(social);
        if (chosen != null && chosen.isImage()) {
            return chosen;
        }
        return images.isEmpty() ? null : images.getFirst();
    }

    /** Open Graph wants {@code zh_CN}, {@code en_GB}. */
    private static String ogLocale(Locale locale) {
        return locale.getCountry().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "_" + locale.getCountry();
    }

    private static void og(List<PageHead.Meta> metas, String property, String content) {
        metas.add(new PageHead.Meta(property, null, content));
    }

    private static void twitter(List<PageHead.Meta> metas, String name, String content) {
        metas.add(new PageHead.Meta(null, name, content));
    }
}
