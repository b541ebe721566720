package org.shortwave.accounts.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.shortwave.accounts.SignedOutPosts;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The newsroom's answers to a refused request. Scripts get JSON: 401 {@code signed-out} when no one is signed in
 * (an ended session fails the CSRF check before anything else, so that case counts as signed out too), 403
 * {@code csrf} or {@code not-allowed} otherwise. A form posted with an ended session is offered to the feature that
 * owns it to keep ({@link SignedOutPosts}); anything else gets the usual 403.
 */
final class RefusedRequests implements AccessDeniedHandler, AuthenticationEntryPoint {

    private final NewsroomJson json = new NewsroomJson();
    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
    private final List<SignedOutPosts> keepers;

    RefusedRequests(List<SignedOutPosts> keepers) {
        this.keepers = keepers;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        boolean signedIn = signedIn();
        boolean csrf = refused instanceof CsrfException;
        if (json.matches(request)) {
            if (csrf && !signedIn) {
                NewsroomJson.answer(response, HttpServletResponse.SC_UNAUTHORIZED, "signed-out", false);
            } else {
                NewsroomJson.answer(response, HttpServletResponse.SC_FORBIDDEN, csrf ? "csrf" : "not-allowed",
                        signedIn);
            }
            return;
        }
        if (csrf && "POST".equals(request.getMethod())) {
            for (SignedOutPosts keeper : keepers) {
                try {
                    if (keeper.keep(request, response)) {
                        return;
                    }
                } catch (RuntimeException e) {
                    // Not kept (the database away, say): the refusal below stands; never a server error.
                    break;
                }
            }
        }
        otherwise.handle(request, response, refused);
    }

    /** The entry point for scripts' requests (the pages' stays the sign-in redirect). */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        NewsroomJson.answer(response, HttpServletResponse.SC_UNAUTHORIZED, "signed-out", false);
    }

    /** Where sign-in leads: to a kept post of this browser, back to a tab to close, or the newsroom's front page. */
    String afterSignIn(HttpServletRequest request) {
        for (SignedOutPosts keeper : keepers) {
            String target = keeper.afterSignIn(request);
            if (target != null) {
                return target;
            }
        }
        return "close".equals(request.getParameter("return")) ? "/admin/login?return=close" : "/admin/";
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
