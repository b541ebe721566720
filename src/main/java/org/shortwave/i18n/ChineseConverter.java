package org.shortwave.i18n;

import com.github.houbb.opencc4j.util.ZhTwConverterUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Simplified to traditional Chinese at the level of phrases, for the derived zh-hant edition: OpenCC's dictionaries
 * with Taiwan phrases (through opencc4j, chosen by measurement, docs/editions.md), then the newsroom's house style
 * ({@code i18n/zh-hant-house-style.txt}). Unlike {@link ChineseScript} (search folding, one character for one),
 * this changes words: 软件 becomes 軟體, 头发 頭髮 but 发展 發展.
 */
public final class ChineseConverter {

    private record Replacement(String from, String to) {
    }

    private static final List<Replacement> HOUSE_STYLE = houseStyle();

    private ChineseConverter() {
    }

    /** The text in traditional characters and Taiwan usage; text without Chinese comes back unchanged. */
    public static String toTraditional(String simplified) {
        if (simplified == null || simplified.isEmpty()) {
            return simplified;
        }
        String converted = ZhTwConverterUtil.toTraditional(simplified);
        for (Replacement r : HOUSE_STYLE) {
            if (converted.contains(r.from())) {
                converted = converted.replace(r.from(), r.to());
            }
        }
        return converted;
    }

    /** Whether a locale writes Chinese in simplified characters ({@code zh-Hans}, {@code zh-CN}, plain {@code zh}). */
    public static boolean isSimplified(Locale locale) {
        return locale.getLanguage().equals("zh") && Editions.chineseScript(locale).equals("Hans");
    }

    public static boolean isTraditional(Locale locale) {
        return locale.getLanguage().equals("zh") && Editions.chineseScript(locale).equals("Hant");
    }

    private static List<Replacement> houseStyle() {
        List<Replacement> rules = new ArrayList<>();
        try (InputStream in = ChineseConverter.class.getResourceAsStream("/i18n/zh-hant-house-style.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalStateException("house style line needs two tab-separated forms: " + line);
                }
                rules.add(new Replacement(parts[0], parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rules.sort(Comparator.comparingInt((Replacement r) -> r.from().length()).reversed());
        return List.copyOf(rules);
    }
}
