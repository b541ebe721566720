package org.shortwave.site.web;

import org.shortwave.i18n.Editions;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /} sends the reader to the edition that best matches their browser's languages. */
@RestController
class EditionRedirectController {

    private final Editions editions;

    EditionRedirectController(Editions editions) {
        this.editions = editions;
    }

    @GetMapping("/")
    ResponseEntity<Void> root(@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
        String target = editions.bestFor(languages).orElseThrow(PageNotFoundException::new).homePath();
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, target)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .cacheControl(CacheControl.noCache())
                .build();
    }
}
