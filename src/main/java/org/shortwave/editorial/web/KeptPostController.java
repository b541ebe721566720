package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.editorial.KeptPosts;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where sign-in leads a browser holding a kept form: the form becomes the signed-in user's draft of the article
 * (if they may edit it) and the editor opens with it, to review and send again. The token works once.
 */
@Controller
class KeptPostController {

    private final CurrentAccount current;
    private final KeptPosts kept;

    KeptPostController(CurrentAccount current, KeptPosts kept) {
        this.current = current;
        this.kept = kept;
    }

    @GetMapping("/admin/kept")
    String claim(HttpServletRequest request, HttpServletResponse response) {
        String token = SessionEndedPosts.token(request);
        response.addHeader(HttpHeaders.SET_COOKIE, SessionEndedPosts.cookie("", 0, request.isSecure()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Optional<KeptPosts.Claimed> claimed = kept.claim(current.require(), token);
        if (claimed.isEmpty()) {
            return "redirect:/admin/articles?kept-lost";
        }
        var draft = claimed.get().draft();
        String op = "&kept=" + claimed.get().op();
        return draft.articleId() != null
                ? "redirect:/admin/articles/" + draft.articleId() + "?draft=restore" + op
                : "redirect:/admin/articles/new?edition=" + draft.editionCode() + "&draft=" + draft.draftKey() + op;
    }
}
