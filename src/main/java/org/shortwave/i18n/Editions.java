package org.shortwave.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeListenerOrder;
import org.shortwave.content.ContentChanged;
import org.shortwave.i18n.internal.EditionRepository;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The service's editions. Every request needs them (routing, language, menus), so they are kept in memory:
 * reloaded after this node changes one, when any node's change reaches it through the change log
 * ({@code edition_changed}), and when a code is asked for that the memory lacks.
 */
@Service
public class Editions {

    /** What an edition code can look like (the database checks the same); nothing else is looked up again. */
    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    private final EditionRepository repository;
    private volatile List<Edition> cached;

    Editions(EditionRepository repository) {
        this.repository = repository;
    }

    public List<Edition> all() {
        List<Edition> editions = cached;
        return editions != null ? editions : reload();
    }

    public Optional<Edition> find(String code) {
        Optional<Edition> found = byCode(all(), code);
        if (found.isPresent() || code == null || !CODE.matcher(code).matches()) {
            return found;
        }
        return byCode(reload(), code);
    }

    /** Adds an edition unless one with its code exists. */
    public void createIfMissing(Edition edition, int position) {
        repository.insertIfMissing(edition, position);
        reload();
    }

    /**
     * Inserts or updates an edition (its default flag is never changed here) in the caller's transaction; true if it
     * is new. The caller records the change ({@code edition_changed}) and calls {@link #reload} after commit.
     */
    public boolean save(Edition edition, int position) {
        return repository.upsert(edition, position);
    }

    /** Where the edition stands in lists (0 if unknown). */
    public int position(String code) {
        return repository.position(code);
    }

    /** Another node (or this one) changed an edition: read them all again. */
    @EventListener
    @Order(ChangeListenerOrder.STATE)
    void on(ContentChanged change) {
        if (change.kind() == ChangeKind.EDITION_CHANGED) {
            reload();
        }
    }

    /** Reads the editions from the database again. */
    public List<Edition> reload() {
        List<Edition> editions = List.copyOf(repository.findAll());
        cached = editions;
        return editions;
    }

    private static Optional<Edition> byCode(List<Edition> editions, String code) {
        return editions.stream().filter(e -> e.code().equals(code)).findFirst();
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
