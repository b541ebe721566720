package org.shortwave.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** The slug normalizer on arbitrary text: its output is always a valid slug, and normalizing it again changes nothing. */
class SlugsFuzzTest {

    @FuzzTest
    void alwaysMakesAValidStableSlug(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        String slug = Slugs.from(text);
        assertThat(Slugs.isValid(slug)).as("slug of %s: %s", text, slug).isTrue();
        assertThat(Slugs.from(slug)).isEqualTo(slug);
    }
}
