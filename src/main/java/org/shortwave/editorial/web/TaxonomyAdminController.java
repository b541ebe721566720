package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Term;
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
        SECTIONS("sections", "admin.sections.title", Term.Kind.SECTION),
        TOPICS("topics", "admin.topics.title", Term.Kind.TOPIC);

        final String path;
        final String titleKey;
        final Term.Kind term;

        Kind(String path, String titleKey, Term.Kind term) {
            this.path = path;
            this.titleKey = titleKey;
            this.term = term;
        }

        /** The page a request is for, from its path (both pages share their handlers). */
        static Kind of(HttpServletRequest request) {
            return request.getRequestURI().startsWith("/admin/sections") ? SECTIONS : TOPICS;
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
        Kind kind = Kind.of(request);
        return manageable(user).stream().findFirst()
                .map(e -> new ModelAndView("redirect:/admin/" + kind.path + "/" + e.code()))
                .orElseThrow(NewsroomRefusals::notAllowed);
    }

    @GetMapping({"/admin/sections/{edition}", "/admin/topics/{edition}"})
    ModelAndView list(HttpServletRequest request, @PathVariable String edition,
            @RequestParam(required = false) String saved) {
        return page(request, Kind.of(request), edition, TaxonomyTyped.NOTHING,
                saved != null ? "admin.taxonomy.saved" : "", HttpStatus.OK);
    }

    @PostMapping({"/admin/sections/{edition}", "/admin/topics/{edition}"})
    ModelAndView add(HttpServletRequest request, @PathVariable String edition,
            @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name) {
        Kind kind = Kind.of(request);
        return change(request, kind, edition, new TaxonomyTyped(slug, name, 0, ""),
                user -> admin.add(user, kind.term, edition, slug, name));
    }

    @PostMapping({"/admin/sections/{edition}/{id}", "/admin/topics/{edition}/{id}"})
    ModelAndView rename(HttpServletRequest request, @PathVariable String edition, @PathVariable long id,
            @RequestParam(defaultValue = "") String name) {
        Kind kind = Kind.of(request);
        return change(request, kind, edition, new TaxonomyTyped("", "", id, name),
                user -> admin.rename(user, kind.term, edition, id, name));
    }

    @PostMapping("/admin/sections/{edition}/{id}/move")
    ModelAndView moveSection(HttpServletRequest request, @PathVariable String edition, @PathVariable long id,
            @RequestParam(defaultValue = "") String direction) {
        return change(request, Kind.SECTIONS, edition, TaxonomyTyped.NOTHING,
                user -> admin.moveSection(user, edition, id, direction));
    }

    @PostMapping({"/admin/sections/{edition}/{id}/remove", "/admin/topics/{edition}/{id}/remove"})
    ModelAndView remove(HttpServletRequest request, @PathVariable String edition, @PathVariable long id) {
        Kind kind = Kind.of(request);
        return change(request, kind, edition, TaxonomyTyped.NOTHING,
                user -> admin.remove(user, kind.term, edition, id));
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
        List<TaxonomyRow> rows = rows(kind, code);
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

    private List<TaxonomyRow> rows(Kind kind, String code) {
        Map<Long, Long> use = taxonomy.use(kind.term, code);
        return taxonomy.terms(kind.term, code).stream()
                .map(t -> new TaxonomyRow(t.id(), t.slug(), t.name(), t.path(), use.getOrDefault(t.id(), 0L))).toList();
    }

    /** The editions whose sections and topics the user may change. */
    private List<Edition> manageable(Account user) {
        return editions.all().stream().filter(e -> Permissions.mayManageTaxonomy(user, e.code())).toList();
    }
}
