package org.shortwave.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reader's search, checked: the words, the page, the filters (section, topic, dates) and the order. {@link #parse}
 * is the only way in from a request, and it rejects, with a reason a reader can act on, anything that is not a
 * plain search: query syntax, overlong text, pages out of range, unknown parameters.
 *
 * @param words the words to find; a quoted part ("...") is one word (a phrase)
 */
public record SearchQuery(String text, List<String> words, int page, Long sectionId, Long topicId, LocalDate from,
        LocalDate to, Sort sort) {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_WORDS = 20;
    public static final int MAX_PAGE = 50;
    public static final int PAGE_SIZE = 10;
    public static final Set<String> PARAMETERS = Set.of("q", "page", "section", "topic", "from", "to", "sort");

    /** Characters of Lucene's query syntax (and wildcards): a reader's search has no use for them. */
    private static final Pattern SYNTAX = Pattern.compile("[:*?~^\\\\\\[\\]{}()|!]");
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern PAGE = Pattern.compile("[0-9]{1,9}");

    public enum Sort {
        RELEVANCE, DATE;

        public String parameter() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SearchQuery {
        words = List.copyOf(words);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public boolean hasFilters() {
        return sectionId != null || topicId != null || from != null || to != null;
    }

    /** The same search on another page. */
    public SearchQuery onPage(int other) {
        return new SearchQuery(text, words, other, sectionId, topicId, from, to, sort);
    }

    /**
     * Reads a search from request parameters ({@code q, page, section, topic, from, to, sort}); {@code ignored} names
     * parameters that belong to the caller (the API's {@code edition}).
     */
    public static SearchQuery parse(Map<String, String[]> parameters, Set<String> ignored) {
        for (var parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!PARAMETERS.contains(name) && !ignored.contains(name)) {
                throw new InvalidSearchException("parameter", abbreviate(name));
            }
            if (parameter.getValue().length > 1) {
                throw new InvalidSearchException("repeated", abbreviate(name));
            }
        }
        String text = one(parameters, "q");
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidSearchException("length", MAX_LENGTH);
        }
        if (SYNTAX.matcher(text).find() || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSearchException("syntax");
        }
        List<String> words = words(text);
        if (words.size() > MAX_WORDS) {
            throw new InvalidSearchException("words", MAX_WORDS);
        }
        int page = page(one(parameters, "page"));
        Long section = id(one(parameters, "section"), "section");
        Long topic = id(one(parameters, "topic"), "topic");
        LocalDate from = date(one(parameters, "from"));
        LocalDate to = date(one(parameters, "to"));
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidSearchException("dates");
        }
        return new SearchQuery(text, words, page, section, topic, from, to, sort(one(parameters, "sort")));
    }

    /** Splits on white space (any script's), keeping a quoted part together. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String[] parts = text.split("[\"“”「」]", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            if (i % 2 == 1) {
                words.add(part);
            } else {
                for (String word : part.split("[\\s\\p{Z}]+")) {
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }

    private static String one(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return null;
        }
        return values[0].strip();
    }

    private static int page(String value) {
        if (value == null) {
            return 1;
        }
        if (!PAGE.matcher(value).matches() || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_PAGE) {
            throw new InvalidSearchException("page", MAX_PAGE);
        }
        return Integer.parseInt(value);
    }

    private static Long id(String value, String what) {
        if (value == null) {
            return null;
        }
        if (!ID.matcher(value).matches()) {
            throw new InvalidSearchException(what);
        }
        return Long.parseLong(value);
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() != 10) {
                throw new IllegalArgumentException();
            }
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw new InvalidSearchException("date");
        }
    }

    private static Sort sort(String value) {
        if (value == null) {
            return Sort.RELEVANCE;
        }
        for (Sort sort : Sort.values()) {
            if (sort.parameter().equals(value)) {
                return sort;
            }
        }
        throw new InvalidSearchException("sort");
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
