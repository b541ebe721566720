package org.shortwave;

import com.microsoft.playwright.Browser;
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

    @AfterAll
    void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
