package org.shortwave.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No template under {@code src/main/jte} holds interface text of its own: every word a reader or an editor sees
 * comes from the message bundles through an expression. The test takes each template's HTML with the JTE code and
 * expressions cut out (keeping the HTML inside content blocks) and looks for letters in text nodes and in the
 * attributes people read (alt, title, aria-label, placeholder, label).
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Pattern TEXT = Pattern.compile(">([^<]*)<");
    private static final Pattern READ_ATTRIBUTE =
            Pattern.compile("\\s(alt|title|aria-label|placeholder|label)=\"([^\"]*)\"");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** Text that is not language: none so far. Add with a reason. */
    private static final Set<String> ALLOWED = Set.of();

    @Test
    void templatesHoldNoHardCodedInterfaceText() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            files = walk.filter(p -> p.toString().endsWith(".jte")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path file : files) {
            found.addAll(hardCoded(file.toString(), Files.readString(file)));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsTextInNodesAndReadAttributesButNotInExpressionsOrCode() {
        String template = """
                @import org.shortwave.site.Chrome
                @param Chrome chrome
                @template.site.layout(chrome = chrome, content = @`
                <h1>Latest news</h1>
                <img src="${x}" alt="A photo">
                <p title="${chrome.t("a")}">${chrome.t("b", "literal in code is fine")}</p>
                @if(chrome.sections().isEmpty() && "x".equals("y"))
                <button aria-label="Close">×</button>
                @endif
                !{var y = "words";}
                <a href="/x">(${y})</a>
                `)
                """;
        assertThat(hardCoded("t.jte", template))
                .containsExactly("t.jte: text \"Latest news\"", "t.jte: alt=\"A photo\"", "t.jte: aria-label=\"Close\"");
    }

    static List<String> hardCoded(String name, String template) {
        String html = strip(template);
        html = html.replaceAll("(?s)<script[^>]*>.*?</script>", "<script></script>").replaceAll("(?s)<!--.*?-->", "");
        List<String> found = new ArrayList<>();
        Matcher text = TEXT.matcher(html);
        while (text.find()) {
            String value = text.group(1).strip();
            if (LETTER.matcher(value).find() && !ALLOWED.contains(value)) {
                found.add(name + ": text \"" + value + "\"");
            }
        }
        Matcher attribute = READ_ATTRIBUTE.matcher(html);
        while (attribute.find()) {
            if (LETTER.matcher(attribute.group(2)).find() && !ALLOWED.contains(attribute.group(2))) {
                found.add(name + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
            }
        }
        return found;
    }

    /** The template's HTML without JTE: expressions and code removed, content blocks ({@code @`...`}) kept. */
    static String strip(String t) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            if (t.startsWith("${", i) || t.startsWith("!{", i)) {
                i = skipBalanced(t, t.indexOf('{', i), '{', '}');
            } else if (t.startsWith("$unsafe{", i)) {
                i = skipBalanced(t, i + 7, '{', '}');
            } else if (t.startsWith("@import", i) || t.startsWith("@param", i)) {
                int end = t.indexOf('\n', i);
                i = end < 0 ? t.length() : end;
            } else if (t.startsWith("@if(", i) || t.startsWith("@elseif(", i) || t.startsWith("@for(", i)) {
                i = skipBalanced(t, t.indexOf('(', i), '(', ')');
            } else if (t.startsWith("@template.", i)) {
                int open = t.indexOf('(', i);
                i = templateCall(t, open, out);
            } else if (t.startsWith("@endif", i) || t.startsWith("@endfor", i)) {
                i += t.startsWith("@endif", i) ? 6 : 7;
            } else if (t.startsWith("@else", i)) {
                i += 5;
            } else if (t.startsWith("@`", i)) {
                int end = contentEnd(t, i + 2);
                out.append(strip(t.substring(i + 2, end)));
                i = end + 1;
            } else {
                out.append(t.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** A template call: its arguments are code, except content blocks, whose HTML is kept. */
    private static int templateCall(String t, int open, StringBuilder out) {
        int depth = 0;
        int i = open;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (t.startsWith("@`", i)) {
                int end = contentEnd(t, i + 2);
                out.append(strip(t.substring(i + 2, end)));
                i = end + 1;
                continue;
            }
            if (c == '"') {
                i = t.indexOf('"', i + 1) + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    /** Index of the backtick that closes a content block starting at {@code from}, nested blocks included. */
    private static int contentEnd(String t, int from) {
        int depth = 1;
        for (int i = from; i < t.length(); i++) {
            if (t.startsWith("@`", i)) {
                depth++;
                i++;
            } else if (t.charAt(i) == '`' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unclosed content block");
    }

    private static int skipBalanced(String t, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                int end = t.indexOf('"', i + 1);
                while (end > 0 && t.charAt(end - 1) == '\\') {
                    end = t.indexOf('"', end + 1);
                }
                i = end;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i + 1;
            }
        }
        return t.length();
    }
}
