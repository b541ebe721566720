package org.shortwave.editorial.web;

import java.time.Instant;
import org.shortwave.accounts.AdminChrome;

/**
 * A preview as the banner page shows it: the public page's HTML (framed), the editor to go back to, and for a
 * shared revision its version and the link's end; {@code shareUrl} is set once, on the page that made the link.
 */
public record PreviewPage(AdminChrome chrome, String headline, String html, String backPath, Long articleId,
        Integer version, Instant linkExpires, String shareUrl) {
}
