package org.shortwave;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A browser test: the running app ({@link AppTestBase}) and one Chromium for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestBase extends AppTestBase {

    private Chromium chromium;
    protected Browser browser;

    @BeforeAll
    void launchChromium() {
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    /**
     * Saves what the page shows to {@code target/screenshots/NAME.png}. With {@code -Ddocs.screenshots=true} on the
     * Maven command line it also replaces {@code docs/images/NAME.png}, the pictures the guides show: so the
     * guides' pictures are always of the product as the tests drive it, refreshed on purpose, not on every build.
     */
    protected void screenshot(Page page, String name) {
        screenshot(page, name, true);
    }

    /** As {@link #screenshot(Page, String)}; {@code fullPage} false keeps to the viewport (the page's first screen). */
    protected void screenshot(Page page, String name, boolean fullPage) {
        Path shot = Path.of("target/screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(fullPage));
        if (Boolean.getBoolean("docs.screenshots")) {
            try {
                Files.createDirectories(Path.of("docs/images"));
                Files.copy(shot, Path.of("docs/images", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @AfterAll
    void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
