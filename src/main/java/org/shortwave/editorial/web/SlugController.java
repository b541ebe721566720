package org.shortwave.editorial.web;

import java.util.Map;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Slugs;
import org.shortwave.i18n.Editions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The slug the server would make for a headline, for the browser editor to show while the slug field is untouched
 * ({@code GET /admin/slug?edition=&headline=}). The same rule runs on save for a blank slug, so the form without
 * JavaScript gets the same slug. It changes nothing, so it is a GET.
 */
@RestController
class SlugController {

    private final CurrentAccount current;
    private final Editions editions;

    SlugController(CurrentAccount current, Editions editions) {
        this.current = current;
        this.editions = editions;
    }

    @GetMapping("/admin/slug")
    ResponseEntity<Map<String, String>> slug(@RequestParam(defaultValue = "") String edition,
            @RequestParam(defaultValue = "") String headline) {
        current.require();
        if (editions.find(edition).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        // A headline is at most MAX_HEADLINE long on save; a longer one is cut here rather than refused while typing.
        String text = headline.length() > ArticleContent.MAX_HEADLINE
                ? headline.substring(0, ArticleContent.MAX_HEADLINE) : headline;
        return ResponseEntity.ok().header("Cache-Control", "private, no-store")
                .body(Map.of("slug", Slugs.fromHeadline(text)));
    }
}
