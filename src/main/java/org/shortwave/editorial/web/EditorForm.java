package org.shortwave.editorial.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.InvalidBodyException;
import org.shortwave.content.SearchAppearance;
import org.shortwave.editorial.EditorText;
import org.springframework.util.MultiValueMap;

/**
 * The article editor's form as posted: every field as typed, blocks as indexed fields ({@code blocks.3.text}).
 * Block operations (add, move, remove) are buttons of the same form, so the editor works without JavaScript and
 * nothing typed is lost when a block is added.
 */
public record EditorForm(int version, String headline, String slug, String lead, String dateline, String section,
        List<String> topics, List<String> authors, String mainImage, String copyright, List<BlockForm> blocks,
        String searchDescription, String socialTitle, String socialImage) {

    public EditorForm {
        searchDescription = searchDescription == null ? "" : searchDescription;
        socialTitle = socialTitle == null ? "" : socialTitle;
        socialImage = socialImage == null ? "" : socialImage;
    }

    /** A form with the default search appearance. */
    public EditorForm(int version, String headline, String slug, String lead, String dateline, String section,
            List<String> topics, List<String> authors, String mainImage, String copyright, List<BlockForm> blocks) {
        this(version, headline, slug, lead, dateline, section, topics, authors, mainImage, copyright, blocks, "", "",
                "");
    }

    /** The same form based on another version (after a conflict: this user's text on the other's version). */
    EditorForm basedOn(int otherVersion) {
        return new EditorForm(otherVersion, headline, slug, lead, dateline, section, topics, authors, mainImage,
                copyright, blocks, searchDescription, socialTitle, socialImage);
    }

    static final List<String> BLOCK_TYPES = List.of("paragraph", "heading", "quote", "image", "video", "list", "divider");
    private static final int MAX_BLOCKS = 1000;

    public record BlockForm(String type, String text, String attribution, String level, String media, String caption,
            String credit, boolean ordered, String items) {

        static BlockForm empty(String type) {
            return new BlockForm(type, "", "", "2", "", "", "", false, "");
        }
    }

    static EditorForm of(EditableArticle article) {
        ArticleContent c = article.content();
        List<BlockForm> blocks = new ArrayList<>();
        for (Block block : c.body()) {
            blocks.add(switch (block) {
                case Block.Paragraph p -> new BlockForm("paragraph", EditorText.toMarks(p.text()), "", "2", "", "", "", false, "");
                case Block.Heading h -> new BlockForm("heading", h.text(), "", Integer.toString(h.level()), "", "", "", false, "");
                case Block.Quote q -> new BlockForm("quote", q.text(), q.attribution(), "2", "", "", "", false, "");
                case Block.Image i -> new BlockForm("image", "", "", "2", Long.toString(i.mediaId()),
                        nullToEmpty(i.caption()), nullToEmpty(i.credit()), false, "");
                case Block.Video v -> new BlockForm("video", "", "", "2", Long.toString(v.mediaId()), "", "", false, "");
                case Block.ListBlock l -> new BlockForm("list", "", "", "2", "", "", "", l.ordered(),
                        String.join("\n", l.items().stream().map(EditorText::toMarks).toList()));
                case Block.Divider d -> BlockForm.empty("divider");
            });
        }
        return new EditorForm(article.version(), c.headline(), c.slug(), c.lead(), c.dateline(),
                Long.toString(c.sectionId()), c.topicIds().stream().map(String::valueOf).toList(),
                c.authorIds().stream().map(String::valueOf).toList(),
                c.mainImageId() == null ? "" : c.mainImageId().toString(), c.copyrightHolder(), blocks,
                c.appearance().description(), c.appearance().socialTitle(),
                c.appearance().socialImageId() == null ? "" : c.appearance().socialImageId().toString());
    }

    static EditorForm parse(MultiValueMap<String, String> form) {
        List<BlockForm> blocks = new ArrayList<>();
        for (int i = 0; i < MAX_BLOCKS && form.containsKey("blocks." + i + ".type"); i++) {
            String prefix = "blocks." + i + ".";
            blocks.add(new BlockForm(value(form, prefix + "type"), value(form, prefix + "text"),
                    value(form, prefix + "attribution"), value(form, prefix + "level"), value(form, prefix + "media"),
                    value(form, prefix + "caption"), value(form, prefix + "credit"),
                    "on".equals(value(form, prefix + "ordered")), value(form, prefix + "items")));
        }
        int version;
        try {
            version = Integer.parseInt(value(form, "version"));
        } catch (NumberFormatException e) {
            version = 0;
        }
        return new EditorForm(version, value(form, "headline"), value(form, "slug"), value(form, "lead"),
                value(form, "dateline"), value(form, "section"), values(form, "topic"), values(form, "author"),
                value(form, "mainImage"), value(form, "copyright"), blocks, value(form, "searchDescription"),
                value(form, "socialTitle"), value(form, "socialImage"));
    }

    /** The same text, to be saved over {@code newVersion} (after a conflict the user has seen). */
    /** Applies a block button: {@code add:TYPE}, {@code up:N}, {@code down:N}, {@code remove:N}; else unchanged. */
    EditorForm apply(String op) {
        if (op == null || !op.contains(":")) {
            return this;
        }
        String[] parts = op.split(":", 2);
        List<BlockForm> changed = new ArrayList<>(blocks);
        try {
            switch (parts[0]) {
                case "add" -> {
                    if (BLOCK_TYPES.contains(parts[1]) && changed.size() < MAX_BLOCKS) {
                        changed.add(BlockForm.empty(parts[1]));
                    }
                }
                case "up" -> swap(changed, Integer.parseInt(parts[1]), Integer.parseInt(parts[1]) - 1);
                case "down" -> swap(changed, Integer.parseInt(parts[1]), Integer.parseInt(parts[1]) + 1);
                case "remove" -> {
                    int index = Integer.parseInt(parts[1]);
                    if (index >= 0 && index < changed.size()) {
                        changed.remove(index);
                    }
                }
                default -> { }
            }
        } catch (NumberFormatException ignored) {
            return this;
        }
        return new EditorForm(version, headline, slug, lead, dateline, section, topics, authors, mainImage, copyright,
                changed, searchDescription, socialTitle, socialImage);
    }

    /** The content the form describes; throws {@link IllegalArgumentException} naming the field that is wrong. */
    ArticleContent toContent(String editionCode) {
        List<Block> body = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            BlockForm b = blocks.get(i);
            try {
                body.add(switch (b.type()) {
                    case "paragraph" -> new Block.Paragraph(EditorText.toHtml(b.text()));
                    case "heading" -> new Block.Heading(b.text().strip(), "3".equals(b.level()) ? 3 : 2);
                    case "quote" -> new Block.Quote(b.text().strip(), b.attribution());
                    case "image" -> new Block.Image(id(b.media(), "image"), blankToNull(b.caption()), blankToNull(b.credit()));
                    case "video" -> new Block.Video(id(b.media(), "video"));
                    case "list" -> new Block.ListBlock(b.ordered(), b.items().lines().filter(l -> !l.isBlank())
                            .map(EditorText::toHtml).toList());
                    case "divider" -> new Block.Divider();
                    default -> throw new InvalidBodyException("unknown block type '" + b.type() + "'");
                });
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("block " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new ArticleContent(editionCode, id(section, "section"), headline, slug, lead, dateline, body,
                mainImage.isBlank() ? null : id(mainImage, "main image"), ids(authors), ids(topics), copyright,
                new SearchAppearance(searchDescription, socialTitle,
                        socialImage.isBlank() ? null : id(socialImage, "social image")));
    }

    private static final java.util.regex.Pattern BODY_FIELD = java.util.regex.Pattern.compile("body\\[(\\d+)]\\.(\\w+)(?:\\[\\d+])?");
    private static final java.util.regex.Pattern LIST_FIELD = java.util.regex.Pattern.compile("(topics|authors)\\[\\d+]");

    /**
     * The form's field for a service's field path: {@code body[3].media} is {@code blocks.3.media},
     * {@code topics[1]} is {@code topic}, {@code authors[0]} is {@code author}; others are named alike.
     */
    static String formField(String path) {
        if (path == null) {
            return null;
        }
        var body = BODY_FIELD.matcher(path);
        if (body.matches()) {
            return "blocks." + body.group(1) + "." + body.group(2);
        }
        var list = LIST_FIELD.matcher(path);
        if (list.matches()) {
            return list.group(1).equals("topics") ? "topic" : "author";
        }
        return path;
    }

    /** The message key of a form field's label, or null for a field without one. */
    static String fieldLabelKey(String formField) {
        if (formField == null) {
            return null;
        }
        if (formField.startsWith("blocks.")) {
            // A block's own field (the text rule names body[2].text, body[4].items[1], body[0].attribution).
            return switch (formField.substring(formField.lastIndexOf('.') + 1)) {
                case "media" -> "editor.block.media";
                case "text" -> "editor.block.text";
                case "attribution" -> "editor.block.attribution";
                case "items" -> "editor.block.items";
                case "caption" -> "editor.block.caption";
                case "credit" -> "editor.block.credit";
                default -> null;
            };
        }
        return switch (formField) {
            case "headline" -> "editor.field.headline";
            case "lead" -> "editor.field.lead";
            case "dateline" -> "editor.field.dateline";
            case "slug" -> "editor.field.slug";
            case "copyright" -> "editor.field.copyright";
            case "searchDescription" -> "editor.field.search-description";
            case "socialTitle" -> "editor.field.social-title";
            case "section" -> "editor.field.section";
            case "topic" -> "editor.field.topics";
            case "author" -> "editor.field.authors";
            case "mainImage" -> "editor.field.main-image";
            default -> null;
        };
    }

    private static void swap(List<BlockForm> list, int a, int b) {
        if (a >= 0 && b >= 0 && a < list.size() && b < list.size()) {
            BlockForm moved = list.get(a);
            list.set(a, list.get(b));
            list.set(b, moved);
        }
    }

    private static long id(String text, String what) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(what + " must be chosen");
    }

    private static List<Long> ids(List<String> texts) {
        return texts.stream().filter(t -> !t.isBlank()).map(t -> id(t, "item")).distinct().toList();
    }

    private static String value(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.getFirst() == null ? "" : values.getFirst();
    }

    private static List<String> values(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
