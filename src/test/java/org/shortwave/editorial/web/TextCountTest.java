package org.shortwave.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCountTest {

    @Test
    void chineseCountsCharactersOtherScriptsWords() {
        assertThat(TextCount.of("zh-hans", "台风来了，渔村准备好了吗？")).isEqualTo(new TextCount(11, true, 1));
        assertThat(TextCount.of("zh-hant", "颱風來了 AI")).isEqualTo(new TextCount(4, true, 1));
        assertThat(TextCount.of("en", "The harbour's radio [kept](https://example.org/a/b) going.")).isEqualTo(
                new TextCount(5, false, 1));
        assertThat(TextCount.of("ru", "Портовое радио ещё работает")).isEqualTo(new TextCount(4, false, 1));
        assertThat(TextCount.of("fa", "رادیوی بندر هنوز کار می‌کند")).isEqualTo(new TextCount(6, false, 1));
        assertThat(TextCount.of("de", "Das **Hafenradio** sendet weiter")).isEqualTo(new TextCount(4, false, 1));
    }

    @Test
    void readingTimeGrowsWithTheText() {
        assertThat(TextCount.of("en", "word ".repeat(1150)).minutes()).isEqualTo(5);
        assertThat(TextCount.of("zh-hans", "字".repeat(2000)).minutes()).isEqualTo(5);
        assertThat(TextCount.of("en", "").minutes()).isEqualTo(1);
    }
}
