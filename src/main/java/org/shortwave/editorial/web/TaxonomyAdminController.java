package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.content.Taxonomy;
import org.shortwave.editorial.Permissions;
import org.shortwave.editorial.TaxonomyAdmin;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.platform.Refusal;
import org.shortwave.platform.web.RefusalStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/sections/{edition}} and {@code /admin/topics/{edition}}: an edition's sections (its menu) and topics,
 * for admins and the edition's editors (docs/newsroom.md). One page template serves both; only sections have an
 * order. A refused change renders the page again with what was typed and the reason (422, 409 or 404).
 */
@Controller
class TaxonomyAdminController {

    /** Sections or topics: what the page lists. */
    enum Kind {
        SECTIONS("sections", "admin.sections.title"), TOPICS("topics", "admin.topics.title");

        final String path;
        final String titleKey;

        Kind(String path, String titleKey) {
            this.path = path;
            this.titleKey = titleKey;
        }
    }

    private final CurrentAccount current;
    private final Editions editions;
    private final Taxonomy taxonomy;
    private final TaxonomyAdmin admin;
    private final NewsroomChrome pages;

    TaxonomyAdminController(CurrentAccount current, Editions editions, Taxonomy taxonomy, TaxonomyAdmin admin,
            NewsroomChrome pages) {
        this.current = current;
        this.editions = editions;
        this.taxonomy = taxonomy;
        this.admin = admin;
        this.pages = pages;
    }

    @GetMapping({"/admin/sections", "/admin/topics"})
    ModelAndView firstEdition(HttpServletRequest request) {
        Account user = current.require();
        Kind kind = request.getRequestURI().startsWith("/admin/sections") ? Kind.SECTIONS : Kind.TOPICS;
        return manageable(user).stream().findFirst()
                .map(e -> new ModelAndView("redirect:/admin/" + kind.path + "/" + e.code()))
                .orElseThrow(NewsroomRefusals::notAllowed);
    }

    @GetMapping("/admin/sections/{edition}")
    ModelAndView sections(HttpServletRequest request, @PathVariable String edition,
            @RequestParam(required = false) String saved) {
        return page(request, Kind.SECTIONS, edition, TaxonomyTyped.NOTHING, saved != null ? "admin.taxonomy.saved" : "",
                HttpStatus.OK);
    }

    @GetMapping("/admin/topics/{edition}")
    ModelAndView topics(HttpServletRequest request, @PathVariable String edition,
            @RequestParam(required = false) String saved) {
        return page(request, Kind.TOPICS, edition, TaxonomyTyped.NOTHING, saved != null ? "admin.taxonomy.saved" : "",
                HttpStatus.OK);
    }

    @PostMapping("/admin/sections/{edition}")
    ModelAndView addSection(HttpServletRequest request, @PathVariable String edition,
            @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name) {
        return change(request, Kind.SECTIONS, edition, new TaxonomyTyped(slug, name, 0, ""),
                user -> admin.addSection(user, edition, slug, name));
    }

    @PostMapping("/admin/sections/{edition}/{id}")
    ModelAndView renameSection(HttpServletRequest request, @PathVariable String edition, @PathVariable long id,
            @RequestParam(defaultValue = "") String name) {
        return change(request, Kind.SECTIONS, edition, new TaxonomyTyped("", "", id, name),
                user -> admin.renameSection(user, edition, id, name));
    }

    @PostMapping("/admin/sections/{edition}/{id}/move")
    ModelAndView moveSection(HttpServletRequest request, @PathVariable String edition, @PathVariable long id,
            @RequestParam(defaultValue = "") String direction) {
        return change(request, Kind.SECTIONS, edition, TaxonomyTyped.NOTHING,
                user -> admin.moveSection(user, edition, id, direction));
    }

    @PostMapping("/admin/sections/{edition}/{id}/remove")
    ModelAndView removeSection(HttpServletRequest request, @PathVariable String edition, @PathVariable long id) {
        return change(request, Kind.SECTIONS, edition, TaxonomyTyped.NOTHING,
                user -> admin.removeSection(user, edition, id));
    }

    @PostMapping("/admin/topics/{edition}")
    ModelAndView addTopic(HttpServletRequest request, @PathVariable String edition,
            @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name) {
        return change(request, Kind.TOPICS, edition, new TaxonomyTyped(slug, name, 0, ""),
                user -> admin.addTopic(user, edition, slug, name));
    }

    @PostMapping("/admin/topics/{edition}/{id}")
    ModelAndView renameTopic(HttpServletRequest request, @PathVariable String edition, @PathVariable long id,
            @RequestParam(defaultValue = "") String name) {
        return change(request, Kind.TOPICS, edition, new TaxonomyTyped("", "", id, name),
                user -> admin.renameTopic(user, edition, id, name));
    }

    @PostMapping("/admin/topics/{edition}/{id}/remove")
    ModelAndView removeTopic(HttpServletRequest request, @PathVariable String edition, @PathVariable long id) {
        return change(request, Kind.TOPICS, edition, TaxonomyTyped.NOTHING,
                user -> admin.removeTopic(user, edition, id));
    }

    private interface Change {
        void apply(Account user);
    }

    private ModelAndView change(HttpServletRequest request, Kind kind, String edition, TaxonomyTyped typed,
            Change change) {
        Account user = current.require();
        try {
            change.apply(user);
            return new ModelAndView("redirect:/admin/" + kind.path + "/" + edition + "?saved");
        } catch (Refusal e) {
            return page(request, kind, edition, typed, e.messageKey(), RefusalStatus.of(e));
        }
    }

    private ModelAndView page(HttpServletRequest request, Kind kind, String code, TaxonomyTyped typed, String message,
            HttpStatus status) {
        Account user = current.require();
        if (!Permissions.mayManageTaxonomy(user, code)) {
            throw NewsroomRefusals.notAllowed();
        }
        Edition edition = editions.find(code).orElse(null);
        if (edition == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, null, "admin.taxonomy.not-found");
        }
        List<TaxonomyRow> rows = kind == Kind.SECTIONS ? sectionRows(code) : topicRows(code);
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", pages.chrome(request, kind.titleKey, user));
        model.put("kind", kind.path);
        model.put("edition", edition);
        model.put("editions", manageable(user));
        model.put("rows", rows);
        model.put("typed", typed);
        model.put("message", message);
        return new ModelAndView("admin/taxonomy", model, status);
    }

    private List<TaxonomyRow> sectionRows(String code) {
        Map<Long, Long> use = taxonomy.sectionUse(code);
        return taxonomy.sections(code).stream()
                .map(s -> new TaxonomyRow(s.id(), s.slug(), s.name(), s.path(), use.getOrDefault(s.id(), 0L))).toList();
    }

    private List<TaxonomyRow> topicRows(String code) {
        Map<Long, Long> use = taxonomy.topicUse(code);
        return taxonomy.topics(code).stream()
                .map(t -> new TaxonomyRow(t.id(), t.slug(), t.name(), t.path(), use.getOrDefault(t.id(), 0L))).toList();
    }

    /** The editions whose sections and topics the user may change. */
    private List<Edition> manageable(Account user) {
        return editions.all().stream().filter(e -> Permissions.mayManageTaxonomy(user, e.code())).toList();
    }
}
