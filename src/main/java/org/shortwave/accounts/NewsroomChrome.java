package org.shortwave.accounts;

import gg.jte.TemplateEngine;
import gg.jte.output.PrintWriterOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.shortwave.i18n.Messages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Builds the newsroom pages' chrome, and renders the sign-in page outside Spring MVC (for the throttle's 429). */
@Component
public class NewsroomChrome {

    private final Messages messages;
    private final ResourceUrlProvider resourceUrls;
    private final TemplateEngine templates;

    NewsroomChrome(Messages messages, ResourceUrlProvider resourceUrls, TemplateEngine templates) {
        this.messages = messages;
        this.resourceUrls = resourceUrls;
        this.templates = templates;
    }

    public AdminChrome chrome(HttpServletRequest request, String titleKey, Account user) {
        var texts = messages.forLocale(LocaleContextHolder.getLocale());
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String stylesheet = resourceUrls.getForLookupPath("/assets/admin.css");
        return new AdminChrome(texts, texts.get(titleKey), user, csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken(), stylesheet == null ? "/assets/admin.css" : stylesheet,
                resourceUrls::getForLookupPath);
    }

    public void renderLogin(HttpServletRequest request, HttpServletResponse response, String messageKey) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        templates.render("admin/login.jte", Map.of("chrome", chrome(request, "admin.login.title", null),
                "messageKey", messageKey), new PrintWriterOutput(response.getWriter()));
    }
}
