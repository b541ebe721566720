package org.shortwave.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseScriptTest {

    @Test
    void traditionalCharactersFoldToSimplified() {
        assertThat(ChineseScript.toSimplified("颱風過後漁民修補漁網")).isEqualTo("台风过后渔民修补渔网");
        assertThat(ChineseScript.toSimplified("圖書館")).isEqualTo("图书馆");
        assertThat(ChineseScript.toSimplified("臺灣")).isEqualTo("台湾");
    }

    @Test
    void simplifiedTextAndOtherScriptsStayAsTheyAre() {
        String text = "短波电台 Shortwave 2026年 — café";
        assertThat(ChineseScript.toSimplified(text)).isSameAs(text);
    }

    @Test
    void foldingKeepsTheLengthSoOffsetsHold() {
        String traditional = "這是一個關於廣播電臺的報導，𠀀也在內。";
        assertThat(ChineseScript.toSimplified(traditional)).hasSameSizeAs(traditional);
    }
}
