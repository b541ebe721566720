package org.shortwave.editorial.web;

import java.time.Instant;
import org.shortwave.accounts.AdminChrome;

/**
 * A preview as the banner page shows it: the public page's HTML (framed), the editor to go back to, and for a
 * shared revision its version and the link's end; {@code shareUrl} is set once, on the page that made the link.
 */
public record PreviewPage(AdminChrome chrome, String headline, String html, String backPath, Long articleId,
        Integer version, Instant linkExpires, String shareUrl) {

    /**
     * The page as an {@code iframe srcdoc} value, escaped for a double-quoted attribute. jte writes no expression
     * into {@code srcdoc} (a document there runs with the page's origin), so the template writes this one, made from
     * our own template's output, as it is: every {@code &} and quote escaped, so it cannot leave the attribute.
     */
    public String srcdoc() {
        return html.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
