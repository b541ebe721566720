package org.shortwave.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shortwave.platform.TextRule.Fault;

class TextRuleTest {

    @Test
    void reorderingCharactersAreRefused() {
        for (int c : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x061C}) {
            assertThat(TextRule.check("safe" + Character.toString(c) + "txt.exe"))
                    .as("U+%04X", c).isEqualTo(new TextRule.Finding(Fault.REORDERING, c));
        }
    }

    @Test
    void controlsFormatCharactersAndStrayTagsAreRefused() {
        for (int c : new int[] {0x00, 0x01, 0x0B, 0x1F, 0x7F, 0x85, 0x9F, 0x200B, 0x2060, 0x2064, 0xFEFF, 0xFFF9,
                0x180E, 0xE0001, 0xE0041, 0xE007F}) {
            assertThat(TextRule.check("a" + Character.toString(c) + "b")).as("U+%04X", c)
                    .isEqualTo(new TextRule.Finding(Fault.CONTROL, c));
        }
    }

    @Test
    void noncharactersAndLoneSurrogatesAreRefused() {
        for (int c : new int[] {0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF}) {
            assertThat(TextRule.check("a" + Character.toString(c))).as("U+%04X", c)
                    .isEqualTo(new TextRule.Finding(Fault.NONCHARACTER, c));
        }
        assertThat(TextRule.check("a\uD800b")).isEqualTo(new TextRule.Finding(Fault.NONCHARACTER, 0xD800));
        assertThat(TextRule.check("a\uDC00")).isEqualTo(new TextRule.Finding(Fault.NONCHARACTER, 0xDC00));
        assertThat(TextRule.check("end\uD83D")).isEqualTo(new TextRule.Finding(Fault.NONCHARACTER, 0xD83D));
    }

    @Test
    void textThatShowsNothingIsRefused() {
        for (String invisible : new String[] {"\u200C\u200C", " \u00A0\u3000", "\u0301\u0308", "\u3164", "\u2800",
                "\uFE0F", "\u200D", "\u200E\u200F", "\u00AD", "\t\n"}) {
            assertThat(TextRule.check(invisible)).as(invisible.codePoints().mapToObj(Integer::toHexString).toList()
                    .toString()).isEqualTo(new TextRule.Finding(Fault.INVISIBLE, -1));
        }
    }

    @Test
    void writingInEveryEditionsScriptPasses() {
        for (String text : new String[] {"台风“海葵”登陆", "颱風「海葵」登陸", "Straße über Köln", "Москва, 3 декабря",
                "می\u200Cخواهم بروم", "گفت: \u200F«سلام»\u200E (BBC)", "café", "cafe\u0301", "👨\u200D👩\u200D👧",
                "❤\uFE0F", "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F",
                "\u0600\u0661\u0662", "Zeile\neins\tzwei\r\n", "Silben\u00ADtrennung", "", null}) {
            assertThat(TextRule.check(text)).as(text).isNull();
        }
    }

    @Test
    void aTagSequenceNeedsItsFlagAndItsEnd() {
        String tags = "\uDB40\uDC67\uDB40\uDC62";
        assertThat(TextRule.check("\uD83C\uDFF4" + tags)).isNotNull();
        assertThat(TextRule.check("x" + tags + "\uDB40\uDC7F")).isNotNull();
        assertThat(TextRule.check("\uD83C\uDFF4\uDB40\uDC7F")).isNotNull();
    }

    @Test
    void theRefusalNamesTheFieldAndTheCodePoint() {
        assertThatThrownBy(() -> TextRule.require("ab\u2067c", "body[2].items[1]"))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(refusal.field()).isEqualTo("body[2].items[1]");
                    assertThat(refusal.messageKey()).isEqualTo("text.invalid.reordering");
                    assertThat(refusal.args()).containsExactly("U+2067");
                });
        assertThat(TextRule.require("fine", "headline")).isEqualTo("fine");
    }
}
