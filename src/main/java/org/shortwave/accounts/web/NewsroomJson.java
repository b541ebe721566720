package org.shortwave.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Newsroom requests made by scripts (the editor's autosave, its session check, the media picker): they get a JSON
 * answer with a status (401 signed out, 403 refused) instead of the sign-in page or its redirect, so that the
 * editor keeps its text and signs in again beside it.
 */
final class NewsroomJson implements RequestMatcher {

    private static final Pattern ALWAYS_JSON =
            Pattern.compile("/admin/session|/admin/articles/autosave|/admin/articles/[0-9]{1,18}/autosave");

    @Override
    public boolean matches(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                || accept != null && accept.contains("application/json")
                || ALWAYS_JSON.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    /** Writes {@code {"state":STATE,"signedIn":SIGNED_IN}} with the status; the state is one of ours, not input. */
    static void answer(HttpServletResponse response, int status, String state, boolean signedIn) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"state\":\"" + state + "\",\"signedIn\":" + signedIn + "}");
    }
}
