package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.editorial.EditionAdmin;
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

/** {@code /admin/editions}: admins list, add and edit editions (docs/editions.md). Others get a 403. */
@Controller
class EditionAdminController {

    private final CurrentAccount current;
    private final Editions editions;
    private final EditionAdmin admin;
    private final NewsroomChrome pages;

    EditionAdminController(CurrentAccount current, Editions editions, EditionAdmin admin, NewsroomChrome pages) {
        this.current = current;
        this.editions = editions;
        this.admin = admin;
        this.pages = pages;
    }

    @GetMapping("/admin/editions")
    ModelAndView list(HttpServletRequest request, @RequestParam(required = false) String saved) {
        Account user = requireAdmin();
        return page(request, user, null, empty(), saved != null ? "admin.editions.saved" : "", HttpStatus.OK);
    }

    @GetMapping("/admin/editions/{code}")
    ModelAndView edit(HttpServletRequest request, @PathVariable String code) {
        Account user = requireAdmin();
        Edition edition = editions.find(code).orElse(null);
        if (edition == null) {
            return page(request, user, null, empty(), "admin.editions.invalid.code", HttpStatus.NOT_FOUND);
        }
        return page(request, user, code, formOf(edition), "", HttpStatus.OK);
    }

    @PostMapping("/admin/editions")
    ModelAndView create(HttpServletRequest request, EditionAdmin.Form form) {
        return save(request, null, form);
    }

    @PostMapping("/admin/editions/{code}")
    ModelAndView update(HttpServletRequest request, @PathVariable String code, EditionAdmin.Form form) {
        // The code is the edition's identity (URLs, articles): it comes from the path, never from the form.
        return save(request, code, new EditionAdmin.Form(code, form.locale(), form.name(), form.siteName(),
                form.direction(), form.timeZone(), form.copyrightHolder(), form.calendar(), form.derivedFrom(),
                form.position()));
    }

    private ModelAndView save(HttpServletRequest request, String code, EditionAdmin.Form form) {
        Account user = requireAdmin();
        try {
            admin.save(user, form, code == null);
            return new ModelAndView("redirect:/admin/editions?saved");
        } catch (Refusal e) {
            return page(request, user, code, form, e.messageKey(), RefusalStatus.of(e));
        }
    }

    private Account requireAdmin() {
        Account user = current.require();
        if (!user.admin()) {
            throw NewsroomRefusals.notAllowed();
        }
        return user;
    }

    private ModelAndView page(HttpServletRequest request, Account user, String code, EditionAdmin.Form form,
            String message, HttpStatus status) {
        return new ModelAndView("admin/editions", Map.of(
                "chrome", pages.chrome(request, "admin.editions.title", user), "editions", editions.all(),
                "editing", code == null ? "" : code, "form", form, "message", message,
                "calendars", Edition.CALENDARS.stream().sorted().toList()), status);
    }

    private static EditionAdmin.Form empty() {
        return new EditionAdmin.Form("", "", "", "", "ltr", "UTC", "", "gregorian", "", "10");
    }

    private EditionAdmin.Form formOf(Edition e) {
        return new EditionAdmin.Form(e.code(), e.languageTag(), e.name(), e.siteName(), e.direction(),
                e.timeZone().getId(), e.copyrightHolder(), e.calendar(), e.derivedFrom() == null ? "" : e.derivedFrom(),
                String.valueOf(admin.position(e.code())));
    }
}
