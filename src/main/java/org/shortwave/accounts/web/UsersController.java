package org.shortwave.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.AccountAccessDeniedException;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.InvalidAccountException;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.accounts.Role;
import org.shortwave.platform.Refusal;
import org.shortwave.platform.web.RefusalStatus;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * User management in the newsroom. Admins list and create users, set their rights per edition, make or unmake
 * admins, disable and re-enable them, set a password and manage anyone's API tokens. Every user may open their own
 * page to change their password and manage their own tokens. The rules live in {@link Accounts} and
 * {@link ApiTokens}; this class only maps forms onto them.
 */
@Controller
class UsersController {

    /** Token lifetimes offered in the form, in days; 0 means no expiry. */
    static final List<Integer> TOKEN_DAYS = List.of(30, 90, 365, 0);

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final CurrentAccount current;
    private final Editions editions;
    private final NewsroomChrome pages;
    private final NewsroomUserDetailsService users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    UsersController(Accounts accounts, ApiTokens tokens, CurrentAccount current, Editions editions,
            NewsroomChrome pages, NewsroomUserDetailsService users) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.current = current;
        this.editions = editions;
        this.pages = pages;
        this.users = users;
    }

    @GetMapping("/admin/users")
    ModelAndView list(HttpServletRequest request) {
        Account actor = requireAdmin();
        return new ModelAndView("admin/users", Map.of("chrome", pages.chrome(request, "admin.users.title", actor),
                "users", accounts.all(), "editions", editions.all()));
    }

    @GetMapping("/admin/users/new")
    ModelAndView newUser(HttpServletRequest request) {
        return newUserPage(request, requireAdmin(), "", "", "", HttpStatus.OK);
    }

    @PostMapping("/admin/users")
    ModelAndView create(HttpServletRequest request, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password) {
        Account actor = requireAdmin();
        try {
            Account created = accounts.create(actor, email, name, password, false);
            return new ModelAndView("redirect:/admin/users/" + created.id() + "?created");
        } catch (InvalidAccountException e) {
            return newUserPage(request, actor, email, name, e.messageKey(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping("/admin/users/{id}")
    ModelAndView show(HttpServletRequest request, @PathVariable long id,
            @RequestParam(required = false) String created, @RequestParam(required = false) String saved) {
        String message = created != null ? "admin.user.created" : saved != null ? "admin.user.saved" : "";
        return userPage(request, current.require(), id, message, "", HttpStatus.OK);
    }

    /** Rights per edition (none, contributor, editor) and the admin flag, in one form. */
    @PostMapping("/admin/users/{id}/rights")
    ModelAndView rights(HttpServletRequest request, @PathVariable long id, @RequestParam Map<String, String> form) {
        Account actor = requireAdmin();
        Map<String, Role> roles = new HashMap<>();
        try {
            for (Edition edition : editions.all()) {
                switch (form.getOrDefault("role." + edition.code(), "")) {
                    case "" -> { }
                    case "contributor" -> roles.put(edition.code(), Role.CONTRIBUTOR);
                    case "editor" -> roles.put(edition.code(), Role.EDITOR);
                    default -> throw new InvalidAccountException("admin.user.role-invalid");
                }
            }
            accounts.setRights(actor, id, roles, form.containsKey("admin"));
        } catch (InvalidAccountException e) {
            return userPage(request, actor, id, e.messageKey(), "", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return new ModelAndView("redirect:/admin/users/" + id + "?saved");
    }

    @PostMapping("/admin/users/{id}/disable")
    ModelAndView disable(HttpServletRequest request, @PathVariable long id) {
        Account actor = requireAdmin();
        try {
            accounts.disable(actor, id);
        } catch (InvalidAccountException e) {
            return userPage(request, actor, id, e.messageKey(), "", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return new ModelAndView("redirect:/admin/users/" + id + "?saved");
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id) {
        accounts.enable(requireAdmin(), id);
        return "redirect:/admin/users/" + id + "?saved";
    }

    /**
     * A new password ends every session of the account (on every node: {@link SessionAccountFilter}) but the one it
     * was changed in, which is signed in again with the new password; its session id changes too.
     */
    @PostMapping("/admin/users/{id}/password")
    ModelAndView password(HttpServletRequest request, HttpServletResponse response, @PathVariable long id,
            @RequestParam(name = "current", required = false) String currentPassword,
            @RequestParam(name = "password", defaultValue = "") String newPassword) {
        Account actor = current.require();
        try {
            accounts.changePassword(actor, id, currentPassword, newPassword);
        } catch (InvalidAccountException e) {
            if (e.kind() == Refusal.Kind.TOO_MANY) { // throttled like sign-in (web.LoginThrottle), with its window
                response.setHeader("Retry-After", Long.toString(LoginThrottle.WINDOW.toSeconds()));
                return userPage(request, actor, id, e.messageKey(), "", HttpStatus.TOO_MANY_REQUESTS);
            }
            return userPage(request, actor, id, e.messageKey(), "", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (actor.id() == id) {
            UserDetails renewed = users.loadUserByUsername(actor.email());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(renewed, null,
                    renewed.getAuthorities()));
            SecurityContextHolder.setContext(context);
            request.changeSessionId();
            contexts.saveContext(context, request, response);
        }
        return userPage(request, actor, id, "admin.user.password-changed", "", HttpStatus.OK);
    }

    /** Makes a token and shows it on the answer page, once; it is never stored or shown again. */
    @PostMapping("/admin/users/{id}/tokens")
    ModelAndView createToken(HttpServletRequest request, @PathVariable long id,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "90") int days) {
        Account actor = current.require();
        Account owner = accounts.find(id).orElseThrow(() -> InvalidAccountException.unknown("account.unknown"));
        if (!TOKEN_DAYS.contains(days)) {
            return userPage(request, actor, id, "token.validity-invalid", "", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            String token = tokens.create(actor, owner, name, days == 0 ? null : Duration.ofDays(days));
            return userPage(request, actor, id, "admin.token.created", token, HttpStatus.OK);
        } catch (InvalidAccountException e) {
            return userPage(request, actor, id, e.messageKey(), "", HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping("/admin/users/{id}/tokens/{tokenId}/revoke")
    ModelAndView revokeToken(HttpServletRequest request, @PathVariable long id, @PathVariable long tokenId) {
        Account actor = current.require();
        tokens.revoke(actor, tokenId);
        return userPage(request, actor, id, "admin.token.revoked", "", HttpStatus.OK);
    }

    /** A refusal the page did not answer on its form: the problem page, with the status of its kind. */
    @ExceptionHandler(Refusal.class)
    ModelAndView refused(HttpServletRequest request, Refusal e) {
        return problem(request, e.messageKey(), RefusalStatus.of(e));
    }

    private Account requireAdmin() {
        Account actor = current.require();
        if (!actor.admin()) {
            throw new AccountAccessDeniedException();
        }
        return actor;
    }

    private ModelAndView userPage(HttpServletRequest request, Account actor, long id, String messageKey,
            String newToken, HttpStatus status) {
        Account user = accounts.find(id).orElseThrow(() -> InvalidAccountException.unknown("account.unknown"));
        var userTokens = tokens.of(actor, id); // throws for a non-admin looking at someone else
        return new ModelAndView("admin/user", Map.of("chrome", pages.chrome(request, "admin.user.title", actor),
                "user", user, "editions", editions.all(), "tokens", userTokens, "now", tokens.now(),
                "tokenDays", TOKEN_DAYS, "messageKey", messageKey, "newToken", newToken), status);
    }

    private ModelAndView newUserPage(HttpServletRequest request, Account actor, String email, String name,
            String messageKey, HttpStatus status) {
        return new ModelAndView("admin/user-new", Map.of("chrome", pages.chrome(request, "admin.user.new", actor),
                "email", email, "name", name, "messageKey", messageKey), status);
    }

    private ModelAndView problem(HttpServletRequest request, String messageKey, HttpStatus status) {
        return new ModelAndView("admin/problem", Map.of("chrome",
                pages.chrome(request, "editor.problem.title", current.get().orElse(null)), "messageKey", messageKey),
                status);
    }
}
