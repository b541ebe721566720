package org.shortwave.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BodyJsonTest {

    @Test
    void everyBlockTypeSurvivesARoundTrip() {
        List<Block> body = List.of(
                new Block.Paragraph(InlineHtml.sanitize("A <em>big</em> <strong>day</strong> <a href=\"https://example.org/x\">link</a>")),
                new Block.Heading("A subheading", 2),
                new Block.Heading("A smaller one", 3),
                new Block.Quote("We will rebuild.", "Chen Haiyan, mayor"),
                new Block.Image(7, "A caption", "Shortwave/Lin"),
                new Block.Image(8, null, null),
                new Block.Video(9),
                new Block.ListBlock(true, List.of(InlineHtml.sanitize("one"), InlineHtml.sanitize("<em>two</em>"))),
                new Block.Divider());

        assertThat(BodyJson.read(BodyJson.write(body))).isEqualTo(body);
    }

    @Test
    void unknownBlockTypesAreRejectedNotDropped() {
        assertThatThrownBy(() -> BodyJson.read("""
                [{"type": "paragraph", "text": "fine"}, {"type": "carousel", "items": []}]"""))
                .isInstanceOf(InvalidBodyException.class)
                .hasMessageContaining("block 2")
                .hasMessageContaining("unknown block type 'carousel'");
    }

    @Test
    void malformedBodiesNameWhatIsWrong() {
        assertThatThrownBy(() -> BodyJson.read("{\"type\": \"paragraph\"}")).hasMessageContaining("array");
        assertThatThrownBy(() -> BodyJson.read("[1]")).hasMessageContaining("block 1 is not an object");
        assertThatThrownBy(() -> BodyJson.read("[{\"text\": \"x\"}]")).hasMessageContaining("no type");
        assertThatThrownBy(() -> BodyJson.read("[{\"type\": \"paragraph\"}]")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> BodyJson.read("[{\"type\": \"heading\", \"text\": \"x\", \"level\": 1}]"))
                .hasMessageContaining("level must be 2 or 3");
        assertThatThrownBy(() -> BodyJson.read("[{\"type\": \"image\", \"media\": \"abc\"}]"))
                .hasMessageContaining("media id");
        assertThatThrownBy(() -> BodyJson.read("[{\"type\": \"list\", \"items\": []}]"))
                .hasMessageContaining("at least one item");
        assertThatThrownBy(() -> BodyJson.read("[{\"type\": \"paragraph\", \"text\": 5}]"))
                .hasMessageContaining("must be text");
        assertThatThrownBy(() -> BodyJson.read("not json")).hasMessageContaining("not valid JSON");
    }

    /** Found by the XSS corpus: a NUL in a heading reached PostgreSQL, which refused it as a "missing reference". */
    @Test
    void plainTextOfBlocksRefusesControlAndReorderingCharacters() {
        assertThatThrownBy(() -> BodyJson.read("[{\"type\": \"heading\", \"text\": \"a\\u0000b\"}]"))
                .isInstanceOf(InvalidBodyException.class).hasMessageContaining("block 1: heading text")
                .hasMessageContaining("U+0000");
        assertThatThrownBy(() -> new Block.Quote("fine", "\u202Eevil")).hasMessageContaining("quote attribution");
        assertThatThrownBy(() -> new Block.Quote("bell\u0007", "")).hasMessageContaining("quote text");
        assertThatThrownBy(() -> BodyJson.read("[{\"type\": \"image\", \"media\": 3, \"credit\": \"a\\u001bb\"}]"))
                .hasMessageContaining("field 'credit'");
        // C1 controls and noncharacters make a page invalid HTML (found with the corpus, in a headline).
        assertThatThrownBy(() -> new Block.Heading("next\u0085line", 2)).hasMessageContaining("U+0085");
        assertThatThrownBy(() -> new Block.Heading("x\uFFFF", 2)).hasMessageContaining("U+FFFF");
        // Line breaks, tabs and the marks of right-to-left writing stay.
        assertThat(new Block.Heading("\u200F\u0645\u0631\u062D\u0628\u0627\tline\nbreak", 2).text()).contains("\t");
    }

    /** The admin API answers each refusal with its message key and the field as a path (AdminApiErrors). */
    @Test
    void refusalsNameTheirFieldAsAPathAndAMessageKey() {
        assertRefused("[{\"type\": \"paragraph\", \"text\": \"fine\"}, {\"type\": \"carousel\"}]", "body[1]",
                "body.invalid.unknown-type", "carousel");
        assertRefused("[1]", "body[0]", "body.invalid.not-object");
        assertRefused("[{\"text\": \"x\"}]", "body[0]", "body.invalid.no-type");
        assertRefused("[{\"type\": \"paragraph\"}]", "body[0].text", "body.invalid.empty");
        assertRefused("[{\"type\": \"paragraph\", \"text\": \"<img src=x onerror=a()>\"}]", "body[0].text",
                "body.invalid.markup-only");
        assertRefused("[{\"type\": \"heading\", \"text\": \"x\", \"level\": 1}]", "body[0].level",
                "body.invalid.heading-level");
        assertRefused("[{\"type\": \"heading\", \"text\": \"x\", \"level\": 2.5}]", "body[0].level",
                "body.invalid.whole-number");
        assertRefused("[{\"type\": \"heading\", \"text\": \"a\\u0000b\"}]", "body[0].text",
                "text.invalid.control", "U+0000");
        assertRefused("[{\"type\": \"quote\", \"text\": \"q\", \"attribution\": \"\\u202eevil\"}]",
                "body[0].attribution", "text.invalid.reordering", "U+202E");
        assertRefused("[{\"type\": \"image\", \"media\": \"abc\"}]", "body[0].media", "body.invalid.media-id");
        assertRefused("[{\"type\": \"image\", \"media\": 3, \"credit\": \"a\\uffffb\"}]", "body[0].credit",
                "text.invalid.noncharacter", "U+FFFF");
        assertRefused("[{\"type\": \"divider\"}, {\"type\": \"list\", \"items\": []}]", "body[1].items",
                "body.invalid.items");
        assertRefused("[{\"type\": \"list\", \"items\": \"one\"}]", "body[0].items", "body.invalid.items");
        assertRefused("[{\"type\": \"list\", \"items\": [\"one\", 2]}]", "body[0].items[1]",
                "body.invalid.not-text");
        assertRefused("[{\"type\": \"list\", \"items\": [\"one\", \" \"]}]", "body[0].items[1]",
                "body.invalid.empty");
        assertRefused("[{\"type\": \"paragraph\", \"text\": \"" + "字".repeat(InlineHtml.MAX_LENGTH + 1) + "\"}]",
                "body[0].text", "body.invalid.too-long", InlineHtml.MAX_LENGTH);
    }

    private static void assertRefused(String json, String field, String messageKey, Object... args) {
        assertThatThrownBy(() -> BodyJson.read(json)).as(json).isInstanceOfSatisfying(InvalidBodyException.class, e -> {
            assertThat(e.field()).as(json).isEqualTo(field);
            assertThat(e.messageKey()).as(json).isEqualTo(messageKey);
            assertThat(e.args()).as(json).containsExactly(args);
        });
    }

    @Test
    void overLongTextIsRejected() {
        String longText = "字".repeat(InlineHtml.MAX_LENGTH + 1);
        assertThatThrownBy(() -> BodyJson.read("[{\"type\": \"paragraph\", \"text\": \"" + longText + "\"}]"))
                .hasMessageContaining("longer than");
        assertThatThrownBy(() -> new Block.Heading("x".repeat(301), 2)).hasMessageContaining("longer than 300");
    }

    @Test
    void inlineMarkupIsSanitized() {
        InlineHtml html = InlineHtml.sanitize("""
                <b>bold</b> <i>it</i> <script>alert(1)</script><img src=x onerror=alert(2)>\
                <a href="javascript:alert(3)">bad</a> <a href="https://example.org" onclick="x()">good</a>\
                <span style="color:red">plain</span>""");

        assertThat(html.html())
                .contains("<strong>bold</strong>", "<em>it</em>", "<a href=\"https://example.org\">good</a>", "plain")
                .doesNotContain("<script", "alert(1)", "<img", "onerror", "javascript:", "onclick", "<span", "style");
    }

    @Test
    void sanitizingTwiceChangesNothing() {
        InlineHtml once = InlineHtml.sanitize("Quotes \"and\" 'marks' & <em>emphasis</em> 中文“引号”");
        assertThat(InlineHtml.sanitize(once.html())).isEqualTo(once);
    }
}
