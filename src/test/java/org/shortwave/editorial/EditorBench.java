package org.shortwave.editorial;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.shortwave.BrowserTestBase;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The block editor's benchmark, run by hand (not part of the suite; figures in docs/performance.md):
 * {@code ./mvnw verify -Dtest=NONE -Dit.test=EditorBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the bundle's gzipped size, the frames and input events while typing into a 5,000-character story of 40
 * blocks (Chromium's Long Animation Frames and Event Timing), and, when Lighthouse is installed
 * ({@code LIGHTHOUSE=path/to/lighthouse}, or bench/editor-bench.sh installs it), its mobile performance score
 * for the editor page, signed in with the browser's session cookie.
 */
class EditorBench extends BrowserTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    Accounts accounts;
    @Autowired
    EditorialWorkflow workflow;
    @Autowired
    Taxonomy taxonomy;

    private static long gzipped(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(Files.readAllBytes(file));
        }
        return out.size();
    }

    @Test
    void measure() throws Exception {
        Path dir = Path.of("target/classes/static/editor");
        long js = gzipped(dir.resolve("editor.js"));
        long css = gzipped(dir.resolve("editor.css"));
        System.out.printf("editor bundle: editor.js %d B (%d B gzipped), editor.css %d B (%d B gzipped), total %.1f KB gzipped%n",
                Files.size(dir.resolve("editor.js")), js, Files.size(dir.resolve("editor.css")), css, (js + css) / 1024.0);

        Account editor = accounts.create(null, "bench-" + UUID.randomUUID() + "@example.org", "Bench", PASSWORD, true);
        long section = taxonomy.ensureSection("en", "bench-editor", "Bench", 96);
        List<Block> body = new ArrayList<>();
        String sentence = "The harbour master said the ferries would run again on Friday, once the storm had passed. ";
        for (int i = 0; i < 40; i++) {
            body.add(i % 10 == 5 ? new Block.Heading("Part " + i, 2)
                    : new Block.Paragraph(InlineHtml.sanitize(sentence + "<strong>" + i + "</strong> "
                            + sentence.substring(0, 50)))); // about 5,100 characters in all
        }
        long id = workflow.create(editor, new ArticleContent("en", section, "Typing bench", "typing-bench-"
                + UUID.randomUUID().toString().substring(0, 6), "A lead.", "", body, null, List.of(), List.of(), "Shortwave"));

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            Page page = context.newPage();
            page.navigate(uri("/admin/login").toString());
            page.fill("#email", editor.email());
            page.fill("#password", PASSWORD);
            page.click("form.stack button[type=submit]");
            page.navigate(uri("/admin/articles/" + id).toString());
            page.waitForSelector(".rt-story");
            Object chars = page.evaluate("() => document.querySelector('.rt-story').textContent.length");
            page.evaluate("""
                    () => { window.benchFrames = []; window.benchEvents = [];
                      window.benchStart = performance.now(); window.benchLongest = null;
                      new PerformanceObserver(l => l.getEntries().forEach(e => {
                          window.benchFrames.push(e.duration);
                          if (!window.benchLongest || e.duration > window.benchLongest.duration) {
                            // What ran in it, for the report: the scripts' invokers and their share of the frame.
                            window.benchLongest = {duration: e.duration, at: e.startTime - window.benchStart,
                              scripts: (e.scripts || []).map(x => x.invoker + ' ' + Math.round(x.duration) + ' ms')
                                .join(', ')};
                          }}))
                        .observe({type: 'long-animation-frame', buffered: false});
                      new PerformanceObserver(l => window.benchEvents.push(...l.getEntries()
                          .filter(e => e.name === 'keydown' || e.name === 'keypress' || e.name === 'input' || e.name === 'beforeinput')
                          .map(e => e.duration)))
                        .observe({type: 'event', durationThreshold: 16, buffered: false}); }""");
            page.click(".rt-story > p:nth-child(20)");
            page.keyboard().press("End");
            page.keyboard().type(" Typing into the middle of a long story, one key at a time.".repeat(4),
                    new com.microsoft.playwright.Keyboard.TypeOptions().setDelay(25));
            page.keyboard().press("Enter");
            page.keyboard().type("A new paragraph.", new com.microsoft.playwright.Keyboard.TypeOptions().setDelay(25));
            page.waitForTimeout(300); // let the last frames be reported (a measurement, not a test's wait)
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) page.evaluate("""
                    () => ({frames: window.benchFrames.length, maxFrame: Math.max(0, ...window.benchFrames),
                            over50: window.benchFrames.filter(d => d > 50).length,
                            slowEvents: window.benchEvents.length, maxEvent: Math.max(0, ...window.benchEvents),
                            blocks: document.querySelector('.rt-story').childElementCount,
                            longest: window.benchLongest ? Math.round(window.benchLongest.at) + ' ms after the start: '
                                + (window.benchLongest.scripts || 'no script') : 'none'})""");
            System.out.printf("typing: %s characters in %s blocks; 258 keys typed; long animation frames (>50 ms "
                    + "is Chromium's threshold for reporting): %s, longest %.0f ms; input events over 16 ms: %s, "
                    + "longest %.0f ms%n", chars, result.get("blocks"), result.get("over50"),
                    ((Number) result.get("maxFrame")).doubleValue(), result.get("slowEvents"),
                    ((Number) result.get("maxEvent")).doubleValue());
            System.out.printf("typing: the longest frame came %s%n", result.get("longest"));

            String lighthouse = System.getenv("LIGHTHOUSE");
            if (lighthouse != null && Files.isExecutable(Path.of(lighthouse))) {
                String cookie = context.cookies().stream().filter(c -> c.name.equals("JSESSIONID"))
                        .map(c -> c.name + "=" + c.value).findFirst().orElseThrow();
                Path report = Files.createTempFile("lighthouse", ".json");
                Process p = new ProcessBuilder(lighthouse, uri("/admin/articles/" + id).toString(),
                        "--chrome-path=/usr/bin/chromium",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                        "--extra-headers={\"Cookie\":\"" + cookie + "\"}", "--only-categories=performance",
                        "--output=json", "--output-path=" + report, "--quiet")
                        // Not inheritIO: Lighthouse on the fork's stdin corrupts Surefire's channel to it.
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/lighthouse.log").toFile()))
                        .start();
                p.waitFor();
                String json = Files.readString(report, StandardCharsets.UTF_8);
                var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
                var audits = tree.path("audits");
                System.out.printf("lighthouse (mobile): performance %.0f; FCP %s, LCP %s, TBT %s, CLS %s%n",
                        tree.path("categories").path("performance").path("score").asDouble() * 100,
                        audits.path("first-contentful-paint").path("displayValue").asText(),
                        audits.path("largest-contentful-paint").path("displayValue").asText(),
                        audits.path("total-blocking-time").path("displayValue").asText(),
                        audits.path("cumulative-layout-shift").path("displayValue").asText());
            } else {
                System.out.println("lighthouse: skipped (set LIGHTHOUSE to its binary; bench/editor-bench.sh installs it)");
            }
        }
    }
}
