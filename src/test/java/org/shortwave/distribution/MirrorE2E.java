package org.shortwave.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shortwave.BrowserTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader opens the exported mirror from file:// in Chromium and never leaves it, nor asks the origin for anything. */
class MirrorE2E extends BrowserTestBase {

    @Autowired
    MirrorExport export;

    private Path mirror;

    @BeforeAll
    void exportMirror() throws Exception {
        mirror = Files.createDirectories(Path.of("target", "mirror-e2e")).toAbsolutePath();
        export.export(mirror, null);
    }

    @Test
    void fromTheHomePageToAnArticleAndItsMediaWithoutLeavingTheMirror() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            List<String> requests = new ArrayList<>();
            page.onRequest(r -> requests.add(r.url()));
            String root = mirror.toUri().toString();

            page.navigate(mirror.resolve("zh-hans/index.html").toUri().toString());
            assertThat(page.title()).isEqualTo("短波");
            assertThat((Boolean) page.evaluate("() => getComputedStyle(document.querySelector('.skip-links a')).position !== 'static'"))
                    .as("the stylesheet applies").isTrue();
            assertNoLinkLeaves(page, root);

            page.locator(".lead-story h3 a").click();
            page.waitForLoadState();
            assertThat(page.url()).startsWith(root).endsWith("/index.html");
            assertThat(page.locator("article h1").innerText()).isNotBlank();
            Locator photo = page.locator("article > figure.photo img");
            assertThat((Boolean) photo.evaluate("img => img.complete && img.naturalWidth > 0")).as("photo loaded").isTrue();
            assertNoLinkLeaves(page, root);

            // Every media file the page names is in the mirror.
            List<String> media = castList(page.evaluate("() => [...document.querySelectorAll('img[src], video source[src], video track[src]')].map(e => e.src)"));
            assertThat(media).isNotEmpty();
            for (String url : media) {
                assertThat(Files.exists(Paths.get(java.net.URI.create(url)))).as(url).isTrue();
            }

            // On to a section page through the menu, and back to the home page through the brand link.
            page.locator("nav#main-menu li:nth-child(2) a").click();
            page.waitForLoadState();
            assertThat(page.locator("h1").innerText()).isNotBlank();
            assertNoLinkLeaves(page, root);
            page.locator(".brand a").click();
            page.waitForLoadState();
            assertThat(page.url()).isEqualTo(mirror.resolve("zh-hans/index.html").toUri().toString());

            assertThat(requests).allSatisfy(url -> assertThat(url).startsWith("file://"));
        }
    }

    private void assertNoLinkLeaves(Page page, String root) {
        List<String> links = castList(page.evaluate("""
                () => [...document.querySelectorAll('a[href]:not(.story-body a), img[src], source[src], track[src], link[rel=stylesheet], link[type]')]
                        .map(e => e.href || e.src)"""));
        // Sources a story cites on other sites stay as written; none may point back to the origin.
        List<String> cited = castList(page.evaluate("() => [...document.querySelectorAll('.story-body a[href]')].map(e => e.href)"));
        assertThat(cited).noneMatch(link -> link.startsWith("http://localhost:8080"));
        assertThat(links).isNotEmpty();
        for (String link : links) {
            assertThat(link).as(page.url()).startsWith(root);
            String file = link.replaceFirst("#.*$", "");
            assertThat(Files.exists(Paths.get(java.net.URI.create(file)))).as(link).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
