package org.shortwave.site.web;

import jakarta.servlet.http.HttpServletResponse;
import org.shortwave.cache.PageCaching;
import org.shortwave.cache.PageKind;
import org.shortwave.site.caching.SurrogateKeys;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.site.ListingPage;
import org.shortwave.site.SitePages;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** Edition home {@code /{edition}/}, section {@code /{edition}/{slug}/s-{id}}, topic {@code /{edition}/{slug}/t-{id}}. */
@Controller
class ListingPageController {

    private final Editions editions;
    private final Taxonomy taxonomy;
    private final SitePages pages;

    ListingPageController(Editions editions, Taxonomy taxonomy, SitePages pages) {
        this.editions = editions;
        this.taxonomy = taxonomy;
        this.pages = pages;
    }

    @GetMapping("/" + SitePaths.EDITION + "/")
    ModelAndView home(@PathVariable String edition, HttpServletResponse response) {
        Edition found = edition(edition);
        PageCaching.mark(PageKind.HOME, SurrogateKeys.edition(found.code()));
        taxonomy.sections(found.code()).forEach(s -> PageCaching.addKeys(java.util.List.of(SurrogateKeys.section(s.id()))));
        return render(pages.home(found), response);
    }

    @GetMapping("/" + SitePaths.EDITION)
    ModelAndView homeWithoutSlash(@PathVariable String edition) {
        return SitePaths.movedPermanently(edition(edition).homePath());
    }

    @GetMapping({"/" + SitePaths.EDITION + "/{slug}/s-{id}", "/" + SitePaths.EDITION + "/s-{id}"})
    ModelAndView section(@PathVariable String edition, @PathVariable(required = false) String slug,
            @PathVariable String id, HttpServletResponse response) {
        Edition found = edition(edition);
        SitePaths.id(id).ifPresent(i -> PageCaching.mark(PageKind.LISTING, SurrogateKeys.section(i)));
        Section section = SitePaths.id(id).flatMap(i -> taxonomy.section(found.code(), i))
                .orElseThrow(PageNotFoundException::new);
        if (!section.slug().equals(slug)) {
            return SitePaths.movedPermanently(section.path());
        }
        return render(pages.section(found, section), response);
    }

    @GetMapping({"/" + SitePaths.EDITION + "/{slug}/t-{id}", "/" + SitePaths.EDITION + "/t-{id}"})
    ModelAndView topic(@PathVariable String edition, @PathVariable(required = false) String slug,
            @PathVariable String id, HttpServletResponse response) {
        Edition found = edition(edition);
        SitePaths.id(id).ifPresent(i -> PageCaching.mark(PageKind.LISTING, SurrogateKeys.topic(i)));
        Topic topic = SitePaths.id(id).flatMap(i -> taxonomy.topic(found.code(), i))
                .orElseThrow(PageNotFoundException::new);
        if (!topic.slug().equals(slug)) {
            return SitePaths.movedPermanently(topic.path());
        }
        return render(pages.topic(found, topic), response);
    }

    private Edition edition(String code) {
        return editions.find(code).orElseThrow(PageNotFoundException::new);
    }

    private static ModelAndView render(ListingPage page, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, SitePaths.PAGE_CACHE.getHeaderValue());
        if (page.lead() != null) {
            PageCaching.addKeys(java.util.List.of(SurrogateKeys.article(page.lead().id())));
        }
        page.blocks().forEach(block -> PageCaching.addKeys(SurrogateKeys.articles(block.items())));
        return new ModelAndView("site/listing", "page", page);
    }
}
