package org.shortwave.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.accounts.FirstAdmin;
import org.shortwave.accounts.InvalidAccountException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The one-time page that creates the first admin, reached by the link printed in the start log. */
@Controller
class SetupController {

    private final FirstAdmin firstAdmin;
    private final NewsroomChrome pages;

    SetupController(FirstAdmin firstAdmin, NewsroomChrome pages) {
        this.firstAdmin = firstAdmin;
        this.pages = pages;
    }

    @GetMapping("/admin/setup")
    ModelAndView form(HttpServletRequest request, @RequestParam(defaultValue = "") String token) {
        if (!firstAdmin.isValidToken(token)) {
            return page(request, token, "", "", "admin.setup.invalid", HttpStatus.NOT_FOUND);
        }
        return page(request, token, "", "", "", HttpStatus.OK);
    }

    @PostMapping("/admin/setup")
    ModelAndView create(HttpServletRequest request, @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String password) {
        try {
            firstAdmin.createWithToken(token, email, name, password);
            return new ModelAndView("redirect:/admin/login?created");
        } catch (InvalidAccountException e) {
            HttpStatus status = "admin.setup.invalid".equals(e.messageKey()) ? HttpStatus.NOT_FOUND : HttpStatus.valueOf(422);
            return page(request, token, email, name, e.messageKey(), status);
        }
    }

    private ModelAndView page(HttpServletRequest request, String token, String email, String name, String messageKey,
            HttpStatus status) {
        return new ModelAndView("admin/setup", Map.of("chrome", pages.chrome(request, "admin.setup.title", null),
                "token", token, "email", email, "name", name, "messageKey", messageKey), status);
    }
}
