package org.shortwave.editorial.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shortwave.accounts.SignedOutPosts;
import org.shortwave.editorial.KeptPosts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The no-JavaScript editor's form posted with an ended session (ADR 0021): kept server-side, its token handed to
 * this browser in a cookie only the newsroom sees, and the writer sent to sign in; sign-in leads to
 * {@code /admin/kept}, which opens the editor with the text to review.
 */
@Component
class SessionEndedPosts implements SignedOutPosts {

    static final String COOKIE = "shortwave-kept";

    private final KeptPosts kept;

    SessionEndedPosts(KeptPosts kept) {
        this.kept = kept;
    }

    @Override
    public boolean keep(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!KeptPosts.isEditorForm(path)) {
            return false;
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, Arrays.asList(values)));
        Optional<String> token = kept.keep(path, request.getParameter("op"), form);
        if (token.isEmpty()) {
            return false;
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(token.get(), KeptPosts.KEPT_FOR.toSeconds(), request.isSecure()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // 303: the browser follows with a GET, and a reload does not post the form again.
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(HttpHeaders.LOCATION, request.getContextPath()
                + (signedIn() ? "/admin/kept" : "/admin/login?kept"));
        return true;
    }

    @Override
    public String afterSignIn(HttpServletRequest request) {
        return token(request) != null ? "/admin/kept" : null;
    }

    static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()) && c.getValue() != null
                && c.getValue().matches("[A-Za-z0-9_-]{43}")).map(Cookie::getValue).findFirst().orElse(null);
    }

    static String cookie(String value, long maxAgeSeconds, boolean secure) {
        return ResponseCookie.from(COOKIE, value).path("/admin").httpOnly(true).secure(secure).sameSite("Lax")
                .maxAge(maxAgeSeconds).build().toString();
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
