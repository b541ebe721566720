package org.shortwave.site.web;

import gg.jte.TemplateEngine;
import gg.jte.output.PrintWriterOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shortwave.cache.PageCaching;
import org.shortwave.cache.PageKind;
import org.shortwave.site.caching.SurrogateKeys;
import org.shortwave.content.Article;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.site.SitePages;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.util.UriUtils;

/**
 * The reader's article page, {@code /{edition}/{slug}/a-{id}}, answered without Spring MVC's dispatch: a public
 * article of the edition under its current slug, asked for with a plain GET, is rendered here, inside the page
 * cache and the readers' turns and before the security chain (public pages take none of its decisions). Handler
 * lookup, view resolution and the security chain were about a fifth of an uncached render's CPU (docs/performance.md).
 *
 * <p>Everything else (a query string, HEAD, an unknown or moved article, an edition mismatch) goes on to
 * {@link ArticlePageController}, which answers it the same way: the 404 page, the 301, or the same page. Both
 * share {@link ArticlePageController#page}.
 */
final class ArticlePageFilter extends OncePerRequestFilter {

    /** The controller's route as a regular expression: edition code, slug as written, id. */
    private static final Pattern PATH = Pattern.compile("/(" + SitePaths.EDITION_CODE + ")/([^/]+)/a-([0-9]+)");
    private static final String TEMPLATE = ArticlePageController.VIEW + ".jte";

    private final Editions editions;
    private final SitePages pages;
    private final TemplateEngine templates;

    ArticlePageFilter(Editions editions, SitePages pages, TemplateEngine templates) {
        this.editions = editions;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getQueryString() != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = PATH.matcher(request.getRequestURI());
        Optional<Edition> edition = path.matches() ? editions.find(path.group(1)) : Optional.empty();
        Optional<Article> article = edition.flatMap(e -> SitePaths.id(path.group(3)).flatMap(pages::published)
                .filter(a -> a.editionCode().equals(e.code()) && a.slug().equals(slug(path.group(2)))));
        if (article.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        PageCaching.mark(PageKind.ARTICLE, SurrogateKeys.article(article.get().id()));
        var page = ArticlePageController.page(pages, edition.get(), article.get(), response);
        // The request metrics name the route as the controller's would (the uri tag).
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(c -> c.setPathPattern(ArticlePageController.ROUTE));
        response.setLocale(edition.get().locale());
        response.setContentType("text/html;charset=UTF-8");
        templates.render(TEMPLATE, Map.of("page", page), new PrintWriterOutput(response.getWriter()));
    }

    /** The slug as written in the path (percent-decoded), or null when it cannot be decoded. */
    private static String slug(String segment) {
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
