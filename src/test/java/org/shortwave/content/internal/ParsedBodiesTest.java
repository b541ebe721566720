package org.shortwave.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shortwave.content.Block;
import org.shortwave.content.InvalidBodyException;

class ParsedBodiesTest {

    private static String body(String text) {
        return "[{\"type\": \"paragraph\", \"text\": \"" + text + "\"}]";
    }

    @Test
    void aBodyReadAgainIsParsedOnceAndSanitizedLikeAFreshRead() {
        ParsedBodies bodies = new ParsedBodies(10_000);
        String json = body("<b>bold</b><script>alert(1)</script>");

        List<Block> first = bodies.read(json);
        // A different String with the same text, as each database read gives.
        List<Block> again = bodies.read(new String(json.toCharArray()));

        assertThat(again).isSameAs(first);
        assertThat(((Block.Paragraph) first.getFirst()).text().html()).isEqualTo("<strong>bold</strong>");
    }

    @Test
    void editedTextIsParsedAnew() {
        ParsedBodies bodies = new ParsedBodies(10_000);
        List<Block> before = bodies.read(body("before"));
        List<Block> after = bodies.read(body("after"));

        assertThat(after).isNotSameAs(before);
        assertThat(((Block.Paragraph) after.getFirst()).text().html()).isEqualTo("after");
    }

    @Test
    void theLeastRecentlyReadGoFirstWhenTheCharactersRunOut() {
        List<String> five = List.of("a", "b", "c", "d", "e").stream().map(x -> body(x.repeat(100))).toList();
        ParsedBodies bodies = new ParsedBodies(five.getFirst().length() * 4L); // room for four of them
        List<Block> a = bodies.read(five.get(0));
        List<Block> b = bodies.read(five.get(1));
        bodies.read(five.get(2));
        bodies.read(five.get(3));
        bodies.read(five.get(0)); // a is now more recently read than b
        bodies.read(five.get(4)); // so b goes

        assertThat(bodies.size()).isEqualTo(4);
        assertThat(bodies.read(five.get(0))).isSameAs(a);
        assertThat(bodies.read(five.get(1))).isNotSameAs(b).isEqualTo(b);
    }

    @Test
    void aBodyTooLargeToKeepIsStillRead() {
        ParsedBodies bodies = new ParsedBodies(400);
        String large = body("x".repeat(200));

        assertThat(bodies.read(large)).hasSize(1);
        assertThat(bodies.size()).isZero();
    }

    @Test
    void anInvalidBodyIsRefusedEveryTimeAndNeverKept() {
        ParsedBodies bodies = new ParsedBodies(10_000);
        String json = "[{\"type\": \"carousel\"}]";

        assertThatThrownBy(() -> bodies.read(json)).isInstanceOf(InvalidBodyException.class);
        assertThatThrownBy(() -> bodies.read(json)).isInstanceOf(InvalidBodyException.class);
        assertThat(bodies.size()).isZero();
    }
}
