package org.shortwave.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every language carries every interface text, translated, and the editions' locales find their bundle. */
class MessagesCompletenessTest {

    /** The languages Shortwave ships interface texts for. */
    static final Set<String> SHIPPED = Set.of("messages_en.properties", "messages_zh_Hans.properties",
            "messages_zh_Hant.properties", "messages_de.properties", "messages_fa.properties", "messages_ru.properties");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)");
    /** Latin text that belongs in any language: the brand, file formats, codes and examples of codes. */
    private static final Pattern NOT_LANGUAGE = Pattern.compile(
            "\\d,plural,|(zero|one|two|few|many|other)\\{|Shortwave|JPEG|PNG|WebP|GIF|MP4|WebM|WebVTT|https|edition=\\w*|[a-z]{2}-[A-Za-z]{2}|pt-br|Asia/\\w+");

    static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:i18n/messages_*.properties")) {
            Properties properties = new Properties();
            try (InputStream in = resource.getInputStream()) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            bundles.put(resource.getFilename(), properties);
        }
        return bundles;
    }

    @Test
    void everyBundleHasTheSameKeysTheSameArgumentsAndNoEmptyText() throws IOException {
        Map<String, Properties> bundles = bundles();
        assertThat(bundles.keySet()).containsAll(SHIPPED);
        Properties english = bundles.get("messages_en.properties");
        bundles.forEach((name, bundle) -> {
            assertThat(bundle.stringPropertyNames()).as(name).isEqualTo(english.stringPropertyNames());
            bundle.forEach((key, value) -> {
                assertThat(value.toString()).as(name + " " + key).isNotBlank();
                assertThat(arguments(value.toString())).as(name + " " + key + " arguments")
                        .isEqualTo(arguments(english.getProperty(key.toString())));
            });
        });
    }

    @Test
    void nonLatinLanguagesContainNoEnglishWords() throws IOException {
        Map<String, Properties> bundles = bundles();
        for (String name : Set.of("messages_zh_Hans.properties", "messages_zh_Hant.properties",
                "messages_fa.properties", "messages_ru.properties")) {
            bundles.get(name).forEach((key, value) -> assertThat(NOT_LANGUAGE.matcher(value.toString()).replaceAll(""))
                    .as(name + " " + key).doesNotContainPattern("[A-Za-z]{2,}"));
        }
    }

    @Test
    void germanIsTranslatedNotCopied() throws IOException {
        Map<String, Properties> bundles = bundles();
        Properties english = bundles.get("messages_en.properties");
        Set<String> same = new TreeSet<>();
        bundles.get("messages_de.properties").forEach((key, value) -> {
            if (value.equals(english.getProperty(key.toString()))) {
                same.add(key.toString());
            }
        });
        // Words German shares with English, and texts that are only arguments.
        assertThat(same).isSubsetOf("list.separator", "quote.attribution", "video.label", "copyright.site",
                "editor.filter.text", "editor.block.legend", "editor.block.text", "editor.block.video",
                "admin.setup.name", "article.gregorian", "editor.field.status", "admin.users.state", "admin.token.name",
                "editor.reference.invalid");
    }

    @Test
    void traditionalChineseUsesTraditionalCharactersAndSimplifiedChineseSimplifiedOnes() throws IOException {
        Map<String, Properties> bundles = bundles();
        Transliterator toTraditional = Transliterator.getInstance("Hans-Hant");
        Transliterator toSimplified = Transliterator.getInstance("Hant-Hans");
        bundles.get("messages_zh_Hant.properties").forEach((key, value) -> {
            for (int cp : value.toString().codePoints().toArray()) {
                String c = Character.toString(cp);
                assertThat(toTraditional.transliterate(c)).as("zh_Hant " + key + " " + c).isEqualTo(c);
            }
        });
        bundles.get("messages_zh_Hans.properties").forEach((key, value) -> {
            for (int cp : value.toString().codePoints().toArray()) {
                String c = Character.toString(cp);
                assertThat(toSimplified.transliterate(c)).as("zh_Hans " + key + " " + c).isEqualTo(c);
            }
        });
    }

    @Test
    void everyEditionLocaleFindsItsBundleWithoutFallingBackToAnother() {
        Messages messages = new Messages();
        assertThat(messages.forLocale(Locale.forLanguageTag("zh-Hans-CN")).get("skip.content")).isEqualTo("跳至正文");
        assertThat(messages.forLocale(Locale.forLanguageTag("zh-Hant-TW")).get("skip.content")).isEqualTo("跳至正文");
        assertThat(messages.forLocale(Locale.forLanguageTag("zh-Hant-TW")).get("skip.menu")).isEqualTo("跳至主選單");
        assertThat(messages.forLocale(Locale.forLanguageTag("zh-TW")).get("skip.menu")).isEqualTo("跳至主選單");
        assertThat(messages.forLocale(Locale.forLanguageTag("en-GB")).get("skip.content")).isEqualTo("Skip to content");
        assertThat(messages.forLocale(Locale.forLanguageTag("de-DE")).get("skip.content"))
                .isEqualTo("Zum Inhalt springen");
        assertThat(messages.forLocale(Locale.forLanguageTag("fa-IR")).get("skip.content")).isEqualTo("رفتن به متن اصلی");
        assertThat(messages.forLocale(Locale.forLanguageTag("ru-RU")).get("skip.content"))
                .isEqualTo("Перейти к основному тексту");
        assertThat(messages.hasTexts(Locale.forLanguageTag("ja-JP"))).isFalse();
    }

    @Test
    void pluralsFollowEachLanguagesRules() {
        Messages messages = new Messages();
        Texts ru = messages.forLocale(Locale.forLanguageTag("ru-RU"));
        assertThat(ru.format("search.results", 1, "радио")).isEqualTo("По запросу «радио» найден 1 материал");
        assertThat(ru.format("search.results", 3, "радио")).isEqualTo("По запросу «радио» найдено 3 материала");
        assertThat(ru.format("search.results", 25, "радио")).isEqualTo("По запросу «радио» найдено 25 материалов");
        assertThat(messages.forLocale(Locale.forLanguageTag("en-GB")).format("search.results", 1, "radio"))
                .isEqualTo("One story found for “radio”");
        assertThat(messages.forLocale(Locale.forLanguageTag("en-GB")).format("search.results", 1200, "radio"))
                .isEqualTo("1,200 stories found for “radio”");
        assertThat(messages.forLocale(Locale.forLanguageTag("fa-IR")).format("search.results", 12, "رادیو"))
                .isEqualTo("۱۲ مطلب برای «رادیو» پیدا شد");
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
