package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.content.Person;
import org.shortwave.content.Taxonomy;
import org.shortwave.editorial.Permissions;
import org.shortwave.editorial.TaxonomyAdmin;
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
 * {@code /admin/people}: the authors (and people quoted) that bylines name. People are shared by every edition, so
 * admins and the editors of any edition may add and edit them (docs/newsroom.md).
 */
@Controller
class PeopleAdminController {

    private final CurrentAccount current;
    private final Taxonomy taxonomy;
    private final TaxonomyAdmin admin;
    private final NewsroomChrome pages;

    PeopleAdminController(CurrentAccount current, Taxonomy taxonomy, TaxonomyAdmin admin, NewsroomChrome pages) {
        this.current = current;
        this.taxonomy = taxonomy;
        this.admin = admin;
        this.pages = pages;
    }

    @GetMapping("/admin/people")
    ModelAndView list(HttpServletRequest request, @RequestParam(required = false) String saved) {
        return page(request, 0, empty(), saved != null ? "admin.taxonomy.saved" : "", HttpStatus.OK);
    }

    @GetMapping("/admin/people/{id}")
    ModelAndView edit(HttpServletRequest request, @PathVariable long id) {
        requirePeople();
        Person person = taxonomy.person(id).orElse(null);
        if (person == null) {
            return page(request, 0, empty(), "admin.taxonomy.not-found", HttpStatus.NOT_FOUND);
        }
        return page(request, id, new TaxonomyAdmin.PersonForm(person.name(), nullToEmpty(person.latinName()),
                nullToEmpty(person.description())), "", HttpStatus.OK);
    }

    @PostMapping("/admin/people")
    ModelAndView create(HttpServletRequest request, TaxonomyAdmin.PersonForm form) {
        Account user = current.require();
        try {
            admin.addPerson(user, form);
            return new ModelAndView("redirect:/admin/people?saved");
        } catch (Refusal e) {
            return page(request, 0, form, e.messageKey(), RefusalStatus.of(e));
        }
    }

    @PostMapping("/admin/people/{id}")
    ModelAndView update(HttpServletRequest request, @PathVariable long id, TaxonomyAdmin.PersonForm form) {
        Account user = current.require();
        try {
            admin.updatePerson(user, id, form);
            return new ModelAndView("redirect:/admin/people?saved");
        } catch (Refusal e) {
            boolean gone = e.kind() == Refusal.Kind.NOT_FOUND;
            return page(request, gone ? 0 : id, gone ? empty() : form, e.messageKey(), RefusalStatus.of(e));
        }
    }

    private Account requirePeople() {
        Account user = current.require();
        if (!Permissions.mayManagePeople(user)) {
            throw NewsroomRefusals.notAllowed();
        }
        return user;
    }

    private ModelAndView page(HttpServletRequest request, long editing, TaxonomyAdmin.PersonForm form, String message,
            HttpStatus status) {
        Account user = requirePeople();
        return new ModelAndView("admin/people", Map.of("chrome", pages.chrome(request, "admin.people.title", user),
                "people", taxonomy.people(), "editing", editing, "form", form, "message", message), status);
    }

    private static TaxonomyAdmin.PersonForm empty() {
        return new TaxonomyAdmin.PersonForm("", "", "");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
