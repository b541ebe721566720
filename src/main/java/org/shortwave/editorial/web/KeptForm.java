package org.shortwave.editorial.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An editor's form that could not be saved (the database was away), given back as it was posted: the text fields
 * shown so the writer sees their words are safe, everything else hidden, all of it sent again by one button.
 * Rendered from the request alone, because nothing else can be read while the database is away.
 */
public record KeptForm(String action, List<Field> fields) {

    /** A posted field; {@code label} is null for one that is sent again unseen (ids, choices, the version). */
    public record Field(String name, String value, String label) {
    }

    private static final Set<String> TEXT_FIELDS = Set.of("headline", "slug", "lead", "dateline", "copyright");
    private static final Pattern BLOCK_TEXT = Pattern.compile("blocks\\.(\\d{1,4})\\.(text|attribution|caption|credit|items)");
    /** Sent afresh: the page's own CSRF token and the save button. */
    private static final Set<String> DROPPED = Set.of("_csrf", "op");

    /** {@code texts} formats a message key with arguments, as the newsroom's chrome does. */
    static KeptForm of(String action, Map<String, String[]> posted, BiFunction<String, Object[], String> texts) {
        List<Field> fields = new ArrayList<>();
        posted.forEach((name, values) -> {
            if (DROPPED.contains(name)) {
                return;
            }
            for (String value : values) {
                fields.add(new Field(name, value, label(name, posted, texts)));
            }
        });
        return new KeptForm(action, List.copyOf(fields));
    }

    private static String label(String name, Map<String, String[]> posted,
            BiFunction<String, Object[], String> texts) {
        if (TEXT_FIELDS.contains(name)) {
            return texts.apply("editor.field." + name, new Object[0]);
        }
        Matcher block = BLOCK_TEXT.matcher(name);
        if (!block.matches()) {
            return null;
        }
        String[] type = posted.get("blocks." + block.group(1) + ".type");
        String typeName = type != null && type.length == 1 && EditorForm.BLOCK_TYPES.contains(type[0])
                ? texts.apply("editor.block." + type[0], new Object[0]) : "";
        return texts.apply("editor.block.legend", new Object[] {Integer.parseInt(block.group(1)) + 1, typeName})
                + " · " + texts.apply("editor.block." + block.group(2), new Object[0]);
    }
}
