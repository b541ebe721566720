package org.shortwave.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/session}: whether this browser is signed in, and the CSRF token its next post must carry. The
 * editor asks after signing in again in another tab (the sign-in gives the session a new token), then retries.
 */
@RestController
class SessionController {

    @GetMapping("/admin/session")
    ResponseEntity<Map<String, Object>> session(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user) {
        if (user == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).cacheControl(CacheControl.noStore())
                    .body(Map.of("signedIn", false, "state", "signed-out"));
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("signedIn", true, "csrf",
                Map.of("header", csrf.getHeaderName(), "parameter", csrf.getParameterName(), "token", csrf.getToken())));
    }
}
