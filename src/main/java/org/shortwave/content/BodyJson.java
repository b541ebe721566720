package org.shortwave.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.shortwave.platform.TextRule;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes article bodies as JSON arrays of typed blocks. Unknown block types, missing fields and wrong
 * shapes are rejected with an {@link InvalidBodyException} naming the block and its field as a path
 * ({@code body[2].text}) with an interface text, never silently dropped.
 */
public final class BodyJson {

    public static final int MAX_BLOCKS = 1_000;

    /** A key given twice is refused, not silently resolved to the last one. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private BodyJson() {
    }

    public static List<Block> read(String json) {
        Object parsed;
        try {
            parsed = JSON.readValue(json, Object.class);
        } catch (JacksonException e) {
            throw new InvalidBodyException("body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof List<?> list)) {
            throw new InvalidBodyException("body must be a JSON array of blocks");
        }
        return fromTree(list);
    }

    /** Builds blocks from parsed JSON (lists and maps), e.g. a body inside a larger document. */
    public static List<Block> fromTree(List<?> list) {
        if (list.size() > MAX_BLOCKS) {
            throw new InvalidBodyException("body has more than " + MAX_BLOCKS + " blocks", "body",
                    "body.invalid.too-many-blocks", MAX_BLOCKS);
        }
        List<Block> blocks = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new InvalidBodyException("block " + (i + 1) + " is not an object", "body[" + i + "]",
                        "body.invalid.not-object");
            }
            try {
                blocks.add(block(map));
            } catch (InvalidBodyException e) {
                throw e.in("body[" + i + "]", "block " + (i + 1) + ": ");
            }
        }
        return List.copyOf(blocks);
    }

    public static String write(List<Block> blocks) {
        return JSON.writeValueAsString(toTree(blocks));
    }

    /** The blocks as JSON-ready lists and maps (the inverse of {@link #fromTree}). */
    public static List<Map<String, Object>> toTree(List<Block> blocks) {
        List<Map<String, Object>> tree = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            tree.add(tree(block));
        }
        return tree;
    }

    private static Block block(Map<?, ?> map) {
        String type = string(map, "type");
        if (type == null) {
            throw new InvalidBodyException("block has no type", null, "body.invalid.no-type");
        }
        return switch (type) {
            case "paragraph" -> new Block.Paragraph(at("text", () -> InlineHtml.sanitize(string(map, "text"))));
            case "heading" -> new Block.Heading(string(map, "text"), map.containsKey("level") ? integer(map, "level") : 2);
            case "quote" -> new Block.Quote(string(map, "text"), string(map, "attribution"));
            case "image" -> new Block.Image(id(map, "media"), optionalText(map, "caption"), optionalText(map, "credit"));
            case "video" -> new Block.Video(id(map, "media"));
            case "list" -> new Block.ListBlock(Boolean.TRUE.equals(map.get("ordered")), items(map));
            case "divider" -> new Block.Divider();
            default -> throw new InvalidBodyException("unknown block type '" + abbreviate(type) + "'", null,
                    "body.invalid.unknown-type", abbreviate(type));
        };
    }

    private static Map<String, Object> tree(Block block) {
        Map<String, Object> map = new LinkedHashMap<>();
        switch (block) {
            case Block.Paragraph p -> {
                map.put("type", "paragraph");
                map.put("text", p.text().html());
            }
            case Block.Heading h -> {
                map.put("type", "heading");
                map.put("text", h.text());
                map.put("level", h.level());
            }
            case Block.Quote q -> {
                map.put("type", "quote");
                map.put("text", q.text());
                map.put("attribution", q.attribution());
            }
            case Block.Image i -> {
                map.put("type", "image");
                map.put("media", i.mediaId());
                map.put("caption", i.caption());
                map.put("credit", i.credit());
            }
            case Block.Video v -> {
                map.put("type", "video");
                map.put("media", v.mediaId());
            }
            case Block.ListBlock l -> {
                map.put("type", "list");
                map.put("ordered", l.ordered());
                map.put("items", l.items().stream().map(InlineHtml::html).toList());
            }
            case Block.Divider d -> map.put("type", "divider");
        }
        return map;
    }

    static void requireText(String text, String what, String field, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidBodyException(what + " must not be empty", field, "body.invalid.empty");
        }
        if (text.length() > max) {
            throw new InvalidBodyException(what + " is longer than " + max + " characters", field,
                    "body.invalid.too-long", max);
        }
        requireNoReordering(text, what, field);
    }

    /**
     * Refuses a control or reordering character ({@link ArticleContent#requireNoReordering}) with the text rule's
     * message for it ({@code text.invalid.*}, naming the code point).
     */
    static void requireNoReordering(String text, String what, String field) {
        ArticleContent.requireNoReordering(text, what, message -> {
            TextRule.Finding finding = TextRule.check(Character.toString(ArticleContent.firstReordering(text)));
            return finding == null ? new InvalidBodyException(message, field, "text.invalid.control", "")
                    : new InvalidBodyException(message, field, finding.fault().messageKey(), finding.codePointName());
        });
    }

    /** Reads one field of a block, a refusal naming no field of its own placed at this one. */
    private static <T> T at(String field, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidBodyException e) {
            throw e.at(field);
        }
    }

    private static String string(Map<?, ?> map, String field) {
        Object value = map.get(field);
        if (value != null && !(value instanceof String)) {
            throw new InvalidBodyException("field '" + field + "' must be text", field, "body.invalid.not-text");
        }
        return (String) value;
    }

    private static String optionalText(Map<?, ?> map, String field) {
        String value = string(map, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 1000) {
            throw new InvalidBodyException("field '" + field + "' is longer than 1000 characters", field,
                    "body.invalid.too-long", 1000);
        }
        requireNoReordering(value, "field '" + field + "'", field);
        return value.strip();
    }

    private static int integer(Map<?, ?> map, String field) {
        if (!(map.get(field) instanceof Integer value)) {
            throw new InvalidBodyException("field '" + field + "' must be a whole number", field,
                    "body.invalid.whole-number");
        }
        return value;
    }

    private static long id(Map<?, ?> map, String field) {
        Object value = map.get(field);
        if (value instanceof Integer || value instanceof Long) {
            long id = ((Number) value).longValue();
            if (id > 0) {
                return id;
            }
        }
        throw new InvalidBodyException("field '" + field + "' must be a media id", field, "body.invalid.media-id");
    }

    private static List<InlineHtml> items(Map<?, ?> map) {
        if (!(map.get("items") instanceof List<?> items)) {
            throw new InvalidBodyException("a list needs an 'items' array", "items", "body.invalid.items");
        }
        List<InlineHtml> result = new ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) {
            String field = "items[" + k + "]";
            if (!(items.get(k) instanceof String text)) {
                throw new InvalidBodyException("list items must be text", field, "body.invalid.not-text");
            }
            result.add(at(field, () -> InlineHtml.sanitize(text)));
        }
        return result;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
