package org.shortwave.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which values of {@code shortwave.public-url} are accepted; the refused ones are refused before the start. */
class PublicUrlTest {

    @Test
    void absoluteHttpUrlsAreAcceptedWithAPortAndABasePath() {
        for (String good : List.of("http://localhost:8080", "https://news.example", "https://news.example/",
                "https://news.example:8443/shortwave/", " https://news.example ")) {
            assertThat(PublicUrl.problem(good)).as(good).isEmpty();
        }
        assertThat(new PublicUrl("https://news.example:8443/shortwave/").of("/en/")).isEqualTo(
                "https://news.example:8443/shortwave/en/");
        assertThat(new PublicUrl("https://news.example:8443/shortwave/").origin()).isEqualTo(
                "https://news.example:8443");
    }

    @Test
    void anythingElseIsRefusedNamingTheProperty() {
        for (String bad : List.of("", "news.example", "/en/", "ftp://news.example", "https://news example",
                "https://news.example/?edition=en", "https://news.example/#top", "mailto:desk@news.example")) {
            assertThat(PublicUrl.problem(bad)).as("'" + bad + "'").hasValueSatisfying(problem ->
                    assertThat(problem).startsWith("must be an absolute http(s) URL"));
        }
        assertThatThrownBy(() -> new PublicUrl("news.example")).isInstanceOf(BadSetting.class)
                .hasMessageStartingWith("shortwave.public-url must be an absolute http(s) URL");
    }
}
