package org.shortwave.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every language carries every interface text, and the site's locales find their bundle. */
class MessagesCompletenessTest {

    @Test
    void everyBundleHasTheSameKeysAndNoEmptyText() throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:i18n/messages_*.properties")) {
            Properties properties = new Properties();
            try (InputStream in = resource.getInputStream()) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            bundles.put(resource.getFilename(), properties);
        }
        assertThat(bundles).containsKeys("messages_en.properties", "messages_zh_Hans.properties");

        Properties english = bundles.get("messages_en.properties");
        bundles.forEach((name, bundle) -> {
            assertThat(bundle.stringPropertyNames()).as(name).isEqualTo(english.stringPropertyNames());
            bundle.forEach((key, value) -> assertThat(value.toString()).as(name + " " + key).isNotBlank());
        });
    }

    @Test
    void chineseTextsContainNoEnglishWords() {
        Texts zh = new Messages().forLocale(Locale.forLanguageTag("zh-Hans-CN"));
        Texts en = new Messages().forLocale(Locale.forLanguageTag("en-GB"));
        assertThat(zh.get("skip.content")).isEqualTo("跳至正文");
        assertThat(en.get("skip.content")).isEqualTo("Skip to content");
        for (String key : java.util.Collections.list(java.util.ResourceBundle.getBundle(Messages.BASE_NAME, Locale.ENGLISH).getKeys())) {
            assertThat(zh.get(key)).as(key).doesNotContainPattern("[A-Za-z]{2,}");
        }
    }
}
