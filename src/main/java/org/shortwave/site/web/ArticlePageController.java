package org.shortwave.site.web;

import jakarta.servlet.http.HttpServletResponse;
import org.shortwave.cache.PageCaching;
import org.shortwave.cache.PageKind;
import org.shortwave.site.caching.SurrogateKeys;
import org.shortwave.content.Article;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.site.ArticlePage;
import org.shortwave.site.SitePages;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The public article page, {@code /{edition}/{slug}/a-{id}}. */
@Controller
class ArticlePageController {

    static final String ROUTE = "/" + SitePaths.EDITION + "/{slug}/a-{id}";
    static final String VIEW = "site/article";

    private final Editions editions;
    private final SitePages pages;

    ArticlePageController(Editions editions, SitePages pages) {
        this.editions = editions;
        this.pages = pages;
    }

    @GetMapping(ROUTE)
    ModelAndView article(@PathVariable String edition, @PathVariable String slug, @PathVariable String id,
            HttpServletResponse response) {
        return render(edition, slug, id, response);
    }

    /** No slug at all: find the article and send the reader to its canonical URL. */
    @GetMapping("/" + SitePaths.EDITION + "/a-{id}")
    ModelAndView withoutSlug(@PathVariable String edition, @PathVariable String id, HttpServletResponse response) {
        return render(edition, null, id, response);
    }

    private ModelAndView render(String editionCode, String slug, String id, HttpServletResponse response) {
        Edition edition = editions.find(editionCode).orElseThrow(PageNotFoundException::new);
        // Marked first, so that a 404 or a 301 for this id is cached too, and evicted when the article changes.
        SitePaths.id(id).ifPresent(i -> PageCaching.mark(PageKind.ARTICLE, SurrogateKeys.article(i)));
        Article article = SitePaths.id(id).flatMap(pages::published)
                .filter(a -> a.editionCode().equals(edition.code()))
                .orElseThrow(PageNotFoundException::new);
        if (!article.slug().equals(slug)) {
            return SitePaths.movedPermanently(article.path());
        }
        return new ModelAndView(VIEW, "page", page(pages, edition, article, response));
    }

    /**
     * The page of a public article of this edition under its current slug, with its caching headers and marks (the
     * article's own key is marked before: a 404 or a 301 for its id is cached and evicted with it too). Shared with
     * {@link ArticlePageFilter}.
     */
    static ArticlePage page(SitePages pages, Edition edition, Article article, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, SitePaths.PAGE_CACHE.getHeaderValue());
        ArticlePage page = pages.article(edition, article);
        // The "more stories" block lists the edition's latest, the "top stories" block its most read.
        PageCaching.mark(PageKind.ARTICLE, SurrogateKeys.edition(edition.code()), SurrogateKeys.topStories(edition.code()));
        page.teasers().forEach(block -> PageCaching.addKeys(SurrogateKeys.articles(block.items())));
        return page;
    }
}
