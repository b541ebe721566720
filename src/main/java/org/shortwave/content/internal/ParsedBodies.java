package org.shortwave.content.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shortwave.content.Block;
import org.shortwave.content.BodyJson;

/**
 * Article bodies parsed from their stored JSON, remembered by that JSON. Parsing a body and sanitizing its inline
 * markup took about 6 % of the JVM's time for an uncached article page (docs/performance.md); the same stored
 * text always gives the same blocks, which are immutable, so a body read again is parsed once. Only the text is the
 * key: an edited body is new text, and what is no longer read ages out. Bounded by the characters it holds; the
 * least recently read go first.
 */
final class ParsedBodies {

    private final long maxChars;
    private final Map<String, List<Block>> byJson = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;

    ParsedBodies(long maxChars) {
        this.maxChars = maxChars;
    }

    /** The blocks of a stored body, as {@link BodyJson#read} gives them. */
    List<Block> read(String json) {
        synchronized (byJson) {
            List<Block> known = byJson.get(json);
            if (known != null) {
                return known;
            }
        }
        List<Block> blocks = BodyJson.read(json); // outside the lock: parsing is the slow part
        if (json.length() <= maxChars / 4) { // a huge body is not worth the room of four ordinary ones
            synchronized (byJson) {
                if (byJson.putIfAbsent(json, blocks) == null) {
                    chars += json.length();
                    var eldest = byJson.entrySet().iterator();
                    while (chars > maxChars && eldest.hasNext()) {
                        chars -= eldest.next().getKey().length();
                        eldest.remove();
                    }
                }
            }
        }
        return blocks;
    }

    int size() {
        synchronized (byJson) {
            return byJson.size();
        }
    }
}
