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

    /** Slugs made from headlines stay in the edition's own script (ADR 0019), valid, within the byte budget. */
    @Test
    void headlinesGiveSlugsInTheirOwnScript() {
        assertThat(Slugs.fromHeadline("台风来了，渔村准备好了吗？")).isEqualTo("台风来了-渔村准备好了吗");
        assertThat(Slugs.fromHeadline("颱風來了，漁村準備好了嗎？")).isEqualTo("颱風來了-漁村準備好了嗎");
        assertThat(Slugs.fromHeadline("آیا رادیوی بندر می\u200Cماند؟")).isEqualTo("آیا-رادیوی-بندر-میماند");
        assertThat(Slugs.fromHeadline("Выживет ли портовое радио?")).isEqualTo("выживет-ли-портовое-радио");
        assertThat(Slugs.fromHeadline("Will the Harbour\u2019s Radio Survive?")).isEqualTo("will-the-harbours-radio-survive");
        assertThat(Slugs.fromHeadline("Überlebt das Hafenradio?")).isEqualTo("überlebt-das-hafenradio");
    }

    @Test
    void longHeadlinesAreCutAtAWordBoundaryWithinTheByteBudget() {
        String zh = Slugs.fromHeadline("中国第三季度经济增长放缓至百分之四点八，为一年多来最低水平，政府承诺推出更多刺激措施支持消费");
        assertThat(bytes(zh)).isLessThanOrEqualTo(Slugs.HEADLINE_BYTES);
        assertThat(zh).startsWith("中国第三季度经济增长");
        assertThat(Slugs.isValid(zh)).isTrue();
        String zhHant = Slugs.fromHeadline("中國第三季度經濟增長放緩至百分之四點八，為一年多來最低水平，政府承諾推出更多刺激措施支持消費");
        assertThat(bytes(zhHant)).isLessThanOrEqualTo(Slugs.HEADLINE_BYTES);
        assertThat(Slugs.isValid(zhHant)).isTrue();
        String en = Slugs.fromHeadline("The harbour radio that kept a fishing village informed through three typhoons "
                + "and one long winter of silence");
        assertThat(bytes(en)).isLessThanOrEqualTo(Slugs.HEADLINE_BYTES);
        assertThat(en).startsWith("the-harbour-radio-that-kept").doesNotEndWith("-");
        // Whole words only: the cut never ends inside "informed" or another word of the headline.
        assertThat("the harbour radio that kept a fishing village informed through three typhoons and one long winter"
                .replace(' ', '-')).startsWith(en + "-");
        String ru = Slugs.fromHeadline("Портовое радио, которое держало рыбацкую деревню в курсе событий во время трёх тайфунов");
        assertThat(bytes(ru)).isLessThanOrEqualTo(Slugs.HEADLINE_BYTES);
        assertThat(ru).startsWith("портовое-радио-которое").doesNotEndWith("-");
        String fa = Slugs.fromHeadline("رادیوی بندر که روستای ماهیگیری را در طول سه توفان و یک زمستان طولانی باخبر نگه داشت");
        assertThat(bytes(fa)).isLessThanOrEqualTo(Slugs.HEADLINE_BYTES);
        assertThat(fa).startsWith("رادیوی-بندر").doesNotEndWith("-");
        String de = Slugs.fromHeadline("Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsgebäude");
        assertThat(bytes(de)).isLessThanOrEqualTo(Slugs.HEADLINE_BYTES);
        assertThat(de).startsWith("donaudampfschifffahrts");
        for (String slug : java.util.List.of(zh, zhHant, en, ru, fa, de)) {
            assertThat(Slugs.isValid(slug)).as(slug).isTrue();
            assertThat(Slugs.fromHeadline(slug)).as("a slug made from a slug").isEqualTo(slug);
        }
    }

    @Test
    void aHeadlineWithNoLettersStillGivesAValidSlug() {
        assertThat(Slugs.isValid(Slugs.fromHeadline("？！…"))).isTrue();
        assertThat(Slugs.isValid(Slugs.fromHeadline(""))).isTrue();
    }

    /** Combining marks belong to letters; alone they show as nothing or as dotted circles. */
    @Test
    void aSlugOfOnlyCombiningMarksIsNoSlug() {
        assertThat(Slugs.isOnlyMarks("\u0301\u0301")).isTrue();
        assertThat(Slugs.isOnlyMarks("\u0903")).isTrue(); // a spacing mark, visible, still no letter
        assertThat(Slugs.isOnlyMarks("e\u0301")).isFalse();
        assertThat(Slugs.isOnlyMarks("\u00b2")).isFalse(); // a number, if not a digit
        assertThat(Slugs.isOnlyMarks("")).isFalse();
        assertThat(Slugs.from("\u0301\u0301")).isEqualTo("article");
        assertThat(Slugs.fromHeadline("\u0903 \u0903")).isEqualTo("article");
    }

    private static int bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
