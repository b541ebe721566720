package org.shortwave.distribution.web;

import java.time.Duration;
import org.shortwave.cache.PageCaching;
import org.shortwave.cache.PageKind;
import org.shortwave.site.caching.SurrogateKeys;
import org.shortwave.distribution.Sitemaps;
import org.shortwave.i18n.Editions;
import org.shortwave.platform.PublicUrl;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /robots.txt}, the sitemap index {@code /sitemap.xml} and the sitemaps it lists. */
@RestController
class SitemapController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final Sitemaps sitemaps;
    private final Editions editions;
    private final PublicUrl publicUrl;

    SitemapController(Sitemaps sitemaps, Editions editions, PublicUrl publicUrl) {
        this.sitemaps = sitemaps;
        this.editions = editions;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String text = "User-agent: *\nDisallow: /admin/\n\nSitemap: " + publicUrl.of("/sitemap.xml") + "\n";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8")).cacheControl(CACHE)
                .body(text);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index() {
        return xml(sitemaps.index());
    }

    @GetMapping("/sitemaps/pages.xml")
    ResponseEntity<String> pages() {
        return xml(sitemaps.pages());
    }

    @GetMapping("/sitemaps/articles-{page}.xml")
    ResponseEntity<String> articles(@PathVariable String page) {
        int number = Paths.id(page).filter(p -> p <= Integer.MAX_VALUE).map(Long::intValue).orElseThrow(Paths::notFound);
        return xml(sitemaps.articles(number).orElseThrow(Paths::notFound));
    }

    @GetMapping("/" + Paths.EDITION + "/sitemap-news.xml")
    ResponseEntity<String> news(@PathVariable String edition) {
        PageCaching.mark(PageKind.SITEMAP, SurrogateKeys.edition(edition));
        return xml(sitemaps.news(editions.find(edition).orElseThrow(Paths::notFound)));
    }

    private static ResponseEntity<String> xml(String body) {
        PageCaching.mark(PageKind.SITEMAP, SurrogateKeys.SITEMAPS);
        return ResponseEntity.ok().contentType(XML).cacheControl(CACHE).body(body);
    }
}
