package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shortwave.BrowserTestBase;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.NewArticle;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Latin names and numbers inside Persian text, in Chromium: a fa article with a Latin name and Latin digits in its
 * headline, a paragraph, an image caption and credit, and a quote's attribution. Checked where the reader sees them:
 * the words' positions on the screen, right to left in the Persian order with the Latin run read left to right
 * inside it. The page is {@code dir=rtl} and the edition's own fields inherit it (a headline or caption that starts
 * with a Latin name stays right to left, which {@code dir=auto} would get wrong); values set into a translated phrase
 * (credit, attribution, byline names) are isolated in {@code <bdi>}, so that their own punctuation stays with them.
 */
class MixedDirectionE2E extends BrowserTestBase {

    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;

    private String path;

    @BeforeAll
    void article() {
        long section = taxonomy.ensureSection("fa", "bidi-tests", "آزمون متن دوسویه", 95);
        long image = jdbc.sql("select main_image_id from article where source_key = 'demo:fa/shortwave-storm-drill'")
                .query(Long.class).single();
        String slug = "bidi-" + UUID.randomUUID().toString().substring(0, 8);
        long id = store.create(new NewArticle("test:" + slug, "fa", section, "گفت‌وگو با Anna Berg دربارهٔ 3 ایستگاه",
                slug, "پیش‌درآمدی کوتاه.", "بندر اسکرو (شورت‌ویو) —", List.of(
                        new Block.Paragraph(InlineHtml.sanitize("به گفتهٔ Anna Berg هنوز 120 ایستگاه کار می‌کنند.")),
                        new Block.Image(image, "Anna Berg کنار فرستندهٔ 50 کیلوواتی", "Lin Xiaoyu/Shortwave Ltd."),
                        new Block.Quote("صدا باید برسد.", "Anna Berg, Jr.")),
                null, List.of(), List.of(), ArticleStatus.PUBLISHED, Instant.parse("2026-11-20T08:00:00Z"), null,
                "شورت‌ویو"));
        path = "/fa/" + slug + "/a-" + id;
    }

    /** The horizontal centre on screen of a word in the first element matching the selector (its last occurrence). */
    private static final String CENTRE = """
            ([selector, word, last]) => {
              const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
              let found = null;
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = last ? node.data.lastIndexOf(word) : node.data.indexOf(word);
                if (at >= 0) {
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + word.length);
                  const box = range.getBoundingClientRect();
                  found = [box.left + box.width / 2, box.top];
                  if (!last) break;
                }
              }
              return found;
            }""";

    /** Asserts that the words appear on one line from right to left in this order. */
    private static void rightToLeft(Page page, String selector, String... words) {
        List<Double> xs = new ArrayList<>();
        Double line = null;
        for (String word : words) {
            boolean last = word.equals("."); // the value's own full stop, not one before it
            @SuppressWarnings("unchecked")
            List<Number> centre = (List<Number>) page.evaluate(CENTRE, List.of(selector, word, last));
            assertThat(centre).as(selector + ": '" + word + "' is shown").isNotNull();
            if (line == null) {
                line = centre.get(1).doubleValue();
            }
            assertThat(centre.get(1).doubleValue()).as(selector + ": on one line").isCloseTo(line,
                    org.assertj.core.data.Offset.offset(4.0));
            xs.add(centre.get(0).doubleValue());
        }
        for (int i = 1; i < xs.size(); i++) {
            assertThat(xs.get(i)).as(selector + ": '" + words[i] + "' is left of '" + words[i - 1] + "' " + xs)
                    .isLessThan(xs.get(i - 1));
        }
    }

    private static String direction(Page page, String selector) {
        return (String) page.locator(selector).first().evaluate("e => getComputedStyle(e).direction");
    }

    @Test
    void latinNamesAndNumbersInPersianTextAreShownInTheRightOrder() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            assertThat(page.navigate(uri(path).toString()).status()).isEqualTo(200);

            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("fa-IR");
            // The edition's own fields inherit right to left, even the caption that opens with a Latin name.
            for (String block : List.of("article h1", ".story-body > p", ".story-body figure.photo .caption",
                    ".story-body figure.quote blockquote", ".story-body figure.quote figcaption")) {
                assertThat(direction(page, block)).as(block).isEqualTo("rtl");
                assertThat(page.locator(block).first().evaluate("e => e.closest('[dir=auto]')")).as(block).isNull();
            }
            rightToLeft(page, "article h1", "گفت‌وگو", "Berg", "Anna", "دربارهٔ", "3", "ایستگاه");
            rightToLeft(page, ".story-body > p", "گفتهٔ", "Berg", "Anna", "هنوز", "120", "ایستگاه", "کنند");
            rightToLeft(page, ".story-body figure.photo .caption", "Berg", "Anna", "کنار", "50", "کیلوواتی");
            // Without the isolation the full stop would stand at the far left of the line, before "Lin" or "Anna".
            rightToLeft(page, ".story-body figure.photo .credit", "منبع", ".", "Ltd", "Shortwave", "Xiaoyu", "Lin");
            rightToLeft(page, ".story-body figure.quote figcaption", "—", ".", "Jr", "Berg", "Anna");
            // Values set into a phrase are isolated.
            for (String isolated : List.of("figure.photo .credit bdi", "figure.quote figcaption bdi",
                    ".story-body > p bdi.dateline")) {
                assertThat(page.locator(isolated).first().evaluate("e => getComputedStyle(e).unicodeBidi"))
                        .as(isolated).isEqualTo("isolate");
            }
            assertThat(page.locator("figure.photo .credit bdi").innerText()).isEqualTo("Lin Xiaoyu/Shortwave Ltd.");
            assertThat(page.locator("figure.quote figcaption bdi").innerText()).isEqualTo("Anna Berg, Jr.");

            screenshot(page, "fa-mixed-direction");
        }
    }
}
