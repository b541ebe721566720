package org.shortwave.editorial.web;

import java.util.regex.Pattern;

/**
 * The story's length as the editor shows it, by the same rule as the browser editor's live count
 * ({@code src/main/frontend/src/counts.js}): Chinese and Japanese characters one by one, words for the rest of the
 * text, of the body's blocks; a reading time from both (400 characters and 230 words a minute, at least one).
 * Chinese editions show the characters, others the words. The server's count is what the form shows without
 * JavaScript.
 */
public record TextCount(int count, boolean characters, int minutes) {

    static final int CHARACTERS_PER_MINUTE = 400;
    static final int WORDS_PER_MINUTE = 230;

    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)\\s]*\\)");
    private static final Pattern HAN = Pattern.compile("[\\u3400-\\u9fff\\uf900-\\ufaff\\u3040-\\u30ff]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'\u2019\\-]*");

    static TextCount of(String editionCode, EditorForm form) {
        StringBuilder text = new StringBuilder();
        for (EditorForm.BlockForm block : form.blocks()) {
            text.append(block.text()).append('\n').append(block.items()).append('\n');
        }
        return of(editionCode, text.toString());
    }

    static TextCount of(String editionCode, String marked) {
        // Marks are not read: a link counts by its text, not its address; ** and * are not letters anyway.
        String text = LINK_TARGET.matcher(marked).replaceAll("]");
        int han = (int) HAN.matcher(text).results().count();
        int words = (int) WORD.matcher(HAN.matcher(text).replaceAll(" ")).results().count();
        int minutes = Math.max(1, (int) Math.round(words / (double) WORDS_PER_MINUTE
                + han / (double) CHARACTERS_PER_MINUTE));
        boolean characters = editionCode.startsWith("zh");
        return new TextCount(characters ? han : words, characters, minutes);
    }
}
