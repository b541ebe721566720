package org.shortwave.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void validSlugsAreLowerCaseWordsJoinedByHyphens() {
        assertThat(Slugs.isValid("harbour-radio")).isTrue();
        assertThat(Slugs.isValid("台风-演习")).isTrue();
        assertThat(Slugs.isValid("2026")).isTrue();
        assertThat(Slugs.isValid("Harbour")).isFalse();
        assertThat(Slugs.isValid("a--b")).isFalse();
        assertThat(Slugs.isValid("-a")).isFalse();
        assertThat(Slugs.isValid("a b")).isFalse();
        assertThat(Slugs.isValid("a/b")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
        assertThat(Slugs.isValid(null)).isFalse();
        assertThat(Slugs.isValid("a".repeat(121))).isFalse();
    }

    @Test
    void slugsAreMadeFromAnyText() {
        assertThat(Slugs.from("Will the Harbour Radio Survive?")).isEqualTo("will-the-harbour-radio-survive");
        assertThat(Slugs.from("  Ünïcode—dashes!! ")).isEqualTo("ünïcode-dashes");
        assertThat(Slugs.from("台风来了，渔村准备好了吗？")).isEqualTo("台风来了-渔村准备好了吗");
        assertThat(Slugs.from("?!")).isEqualTo("article");
        assertThat(Slugs.from("word ".repeat(60))).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
        assertThat(Slugs.isValid(Slugs.from("Any Text, at all: 100%"))).isTrue();
    }
}
