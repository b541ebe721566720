package org.shortwave.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.InvalidContentException;

class FieldErrorTest {

    private static IllegalArgumentException refusal(String headline, String slug, String copyright) {
        try {
            new ArticleContent("zh-hans", 1L, headline, slug, "", "", List.of(new Block.Paragraph(
                    InlineHtml.sanitize("正文。"))), null, List.of(), List.of(), copyright);
        } catch (IllegalArgumentException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void theContentsOwnChecksNameTheirFieldAndGetItsMessage() {
        assertThat(FieldError.of(refusal(" ", "", "短波"))).extracting(FieldError::field, FieldError::messageKey)
                .containsExactly("headline", "editor.invalid.headline");
        assertThat(FieldError.of(refusal("标题", "not--a-slug", "短波"))).extracting(FieldError::field,
                FieldError::messageKey).containsExactly("slug", "editor.invalid.slug");
        assertThat(FieldError.of(refusal("标题", "", ""))).extracting(FieldError::field, FieldError::messageKey)
                .containsExactly("copyright", "editor.invalid.copyright");
    }

    @Test
    void aFieldWithoutAMessageOfItsOwnIsMarkedWithTheGeneralOne() {
        FieldError error = FieldError.of(new InvalidContentException("search description is too long",
                "searchDescription"));
        assertThat(error.field()).isEqualTo("searchDescription");
        assertThat(error.messageKey()).isEqualTo("editor.invalid.other");
    }

    @Test
    void theFormsOwnChecksAndUnknownTextsNeverShowTheEnglish() {
        assertThat(FieldError.of(new IllegalArgumentException("block 3: image must be chosen")))
                .extracting(FieldError::field, FieldError::messageKey)
                .containsExactly("blocks.2.media", "editor.invalid.block-media");
        assertThat(FieldError.of(new IllegalArgumentException("something else went wrong")))
                .extracting(FieldError::field, FieldError::messageKey).containsExactly(null, "editor.invalid.other");
    }
}
