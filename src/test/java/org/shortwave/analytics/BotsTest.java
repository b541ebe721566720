package org.shortwave.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shortwave.analytics.internal.Bots;

class BotsTest {

    @Test
    void knownRobotsAreRecognisedAndBrowsersAreNot() {
        assertThat(Bots.isRobot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).isTrue();
        assertThat(Bots.isRobot("Mozilla/5.0 (compatible; bingbot/2.0)")).isTrue();
        assertThat(Bots.isRobot("Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/140.0")).isTrue();
        assertThat(Bots.isRobot("curl/8.5.0")).isTrue();
        assertThat(Bots.isRobot("")).isTrue();
        assertThat(Bots.isRobot(null)).isTrue();
        assertThat(Bots.isRobot("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1")).isFalse();
        assertThat(Bots.isRobot("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0")).isFalse();
    }
}
