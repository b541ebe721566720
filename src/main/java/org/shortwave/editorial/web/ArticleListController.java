package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.NewsroomFilter;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.editorial.Action;
import org.shortwave.editorial.Permissions;
import org.shortwave.i18n.Editions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The newsroom's article list, filtered by edition, section, state, author and words; only what the user may see. */
@Controller
class ArticleListController {

    private final CurrentAccount current;
    private final NewsroomArticles articles;
    private final Taxonomy taxonomy;
    private final Editions editions;
    private final NewsroomChrome pages;
    private final org.shortwave.editorial.Drafts drafts;
    private final java.time.Clock clock;

    ArticleListController(CurrentAccount current, NewsroomArticles articles, Taxonomy taxonomy, Editions editions,
            NewsroomChrome pages, org.shortwave.editorial.Drafts drafts, java.time.Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
        this.current = current;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.editions = editions;
        this.pages = pages;
    }

    @GetMapping("/admin/articles")
    ModelAndView list(HttpServletRequest request, @RequestParam(defaultValue = "") String edition,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String author, @RequestParam(defaultValue = "") String section,
            @RequestParam(name = "kept-lost", required = false) String keptLost) {
        Account user = current.require();
        ArticleStatus wanted = parseStatus(status);
        Long authorId = author.matches("[0-9]{1,18}") ? Long.valueOf(author) : null;
        // The section choice belongs to the chosen edition: the form lists that edition's sections only.
        List<Section> sections = edition.isBlank() ? List.of() : taxonomy.sections(edition);
        Long sectionId = sections.stream().filter(s -> String.valueOf(s.id()).equals(section)).findFirst()
                .map(Section::id).orElse(null);
        var items = articles.list(new NewsroomFilter(edition.isBlank() ? null : edition, sectionId, wanted, authorId,
                q, 200))
                .stream()
                .filter(i -> Permissions.allows(user, Action.VIEW, i.editionCode(),
                        Objects.equals(i.createdBy(), user.id()), i.status()))
                .toList();
        Map<String, Object> model = new java.util.HashMap<>(Map.of(
                "chrome", pages.chrome(request, "editor.list.title", user),
                "items", items, "editions", editions.all(), "edition", edition, "status", status, "q", q,
                "sections", sections, "section", sectionId == null ? "" : String.valueOf(sectionId),
                "people", taxonomy.people(), "author", authorId == null ? "" : String.valueOf(authorId)));
        // Editions by name, times in each story's zone, "scheduled" until public, new articles only where she may
        // write; her unsaved new articles offered (ADR 0021).
        model.put("view", ArticleListView.of(editions.all(), ArticleFormController.creatableEditions(user, editions),
                clock.instant()));
        model.put("newDrafts", Recovery.NewDrafts.of(drafts.newArticles(user), editions));
        model.put("keptLost", keptLost != null);
        return new ModelAndView("admin/articles", model);
    }

    private static ArticleStatus parseStatus(String status) {
        try {
            return status.isBlank() ? null : ArticleStatus.of(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
