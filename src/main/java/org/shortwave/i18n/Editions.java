package org.shortwave.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.shortwave.i18n.internal.EditionRepository;
import org.springframework.stereotype.Service;

/** The service's editions. Editions change rarely; every call reads the database so nodes never disagree. */
@Service
public class Editions {

    private final EditionRepository repository;

    Editions(EditionRepository repository) {
        this.repository = repository;
    }

    public List<Edition> all() {
        return repository.findAll();
    }

    public Optional<Edition> find(String code) {
        return repository.findByCode(code);
    }

    /** Adds an edition unless one with its code exists. */
    public void createIfMissing(Edition edition, int position) {
        repository.insertIfMissing(edition, position);
    }

    public Optional<Edition> defaultEdition() {
        return defaultOf(all());
    }

    private static Optional<Edition> defaultOf(List<Edition> all) {
        return all.stream().filter(Edition::isDefault).findFirst().or(() -> all.stream().findFirst());
    }

    /**
     * The edition that best serves a reader's {@code Accept-Language}: RFC 4647 lookup over the editions' locales,
     * so that {@code zh-CN} finds the simplified-Chinese edition and {@code en-US} the English one.
     */
    public Optional<Edition> bestFor(String acceptLanguage) {
        List<Edition> all = all();
        return bestMatch(all, acceptLanguage).or(() -> defaultOf(all));
    }

    /** The first edition matching the reader's ranges in order of preference, if any does. */
    static Optional<Edition> bestMatch(List<Edition> editions, String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0) {
                Optional<Edition> match = editions.stream().filter(e -> matches(range, e.locale())).findFirst();
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Locale.LanguageRange range, Locale locale) {
        if (range.getRange().equals("*")) {
            return false;
        }
        Locale wanted = Locale.forLanguageTag(range.getRange());
        if (!wanted.getLanguage().equals(locale.getLanguage())) {
            return false;
        }
        // Chinese: the script decides. zh-TW, zh-HK and zh-Hant want traditional characters.
        if (locale.getLanguage().equals("zh")) {
            return chineseScript(wanted).equals(chineseScript(locale));
        }
        return true;
    }

    static String chineseScript(Locale locale) {
        if (!locale.getScript().isEmpty()) {
            return locale.getScript();
        }
        return switch (locale.getCountry()) {
            case "TW", "HK", "MO" -> "Hant";
            default -> "Hans";
        };
    }
}
