package org.shortwave.editorial.web;

/**
 * How the story shows outside the editor, for the editor's own panels: its public address when readers can see it
 * now ("View on site", by the one visibility rule), else null.
 */
public record EditorAppearance(String publicPath) {

    static final EditorAppearance NEW = new EditorAppearance(null);
}
