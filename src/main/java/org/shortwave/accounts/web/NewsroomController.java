package org.shortwave.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.AuditEntry;
import org.shortwave.accounts.AuditLog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in page and the newsroom's front page. */
@Controller
class NewsroomController {

    private final NewsroomChrome pages;
    private final Accounts accounts;
    private final AuditLog audit;
    private final org.shortwave.i18n.Editions editions;

    NewsroomController(NewsroomChrome pages, Accounts accounts, AuditLog audit, org.shortwave.i18n.Editions editions) {
        this.editions = editions;
        this.pages = pages;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * The sign-in page. {@code return=close}: sign-in in a tab of its own, opened by the editor when its session
     * ended (ADR 0021); once signed in, the page says the tab may be closed.
     */
    @GetMapping("/admin/login")
    ModelAndView login(HttpServletRequest request, @RequestParam(required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(required = false) String expired, @RequestParam(required = false) String created,
            @RequestParam(required = false) String kept, @RequestParam(name = "return", required = false) String back,
            @AuthenticationPrincipal NewsroomUser user) {
        boolean close = "close".equals(back);
        if (close && user != null) {
            return new ModelAndView("admin/signed-in", java.util.Map.of(
                    "chrome", pages.chrome(request, "admin.login.signed-in.title", null)));
        }
        String messageKey = error != null ? "admin.login.error"
                : signedOut != null ? "admin.login.signed-out"
                : expired != null ? "admin.login.expired"
                : created != null ? "admin.login.created"
                : kept != null ? "admin.login.kept"
                : null;
        return new ModelAndView("admin/login", java.util.Map.of("chrome", pages.chrome(request, "admin.login.title", null),
                "messageKey", messageKey == null ? "" : messageKey, "returnTo", close ? "close" : ""));
    }

    /** The newsroom's address without its slash. */
    @GetMapping("/admin")
    String withoutSlash() {
        return "redirect:/admin/";
    }

    @GetMapping("/admin/")
    ModelAndView home(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user) {
        Account account = accounts.find(user.account().id()).orElseThrow();
        List<Account> users = account.admin() ? accounts.all() : List.of();
        List<AuditEntry> recent = account.admin() ? audit.latest(20) : List.of();
        return new ModelAndView("admin/home", java.util.Map.of(
                "chrome", pages.chrome(request, "admin.home.title", account), "users", users, "audit", recent,
                // Rights are shown by the edition's name, not its code ("中文（简体）", not "zh-hans").
                "editionNames", editions.all().stream().collect(java.util.stream.Collectors.toMap(
                        org.shortwave.i18n.Edition::code, org.shortwave.i18n.Edition::name))));
    }
}
