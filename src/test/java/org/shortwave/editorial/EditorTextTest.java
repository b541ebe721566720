package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditorTextTest {

    @Test
    void marksBecomeSafeInlineHtmlAndBack() {
        String marked = "陈海燕说：**要有耐心**，*慢慢*转旋钮。见[这里](https://www.example.org/a?b=1&c=2)。";
        var html = EditorText.toHtml(marked);
        assertThat(html.html()).contains("<strong>要有耐心</strong>", "<em>慢慢</em>",
                "<a href=\"https://www.example.org/a?b&#61;1&amp;c&#61;2\">这里</a>");
        assertThat(EditorText.toMarks(html)).isEqualTo(marked);
    }

    @Test
    void typedHtmlIsTextNotMarkup() {
        var html = EditorText.toHtml("<script>alert(1)</script> a < b & [x](javascript:alert(2))");
        assertThat(html.html()).doesNotContain("<script", "<a").contains("&lt;script&gt;");
        assertThat(EditorText.toMarks(html)).isEqualTo("<script>alert(1)</script> a < b & [x](javascript:alert(2))");
    }
}
