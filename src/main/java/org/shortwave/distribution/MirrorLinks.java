package org.shortwave.distribution;

import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a page of the site into a page of the mirror: every site-absolute link ({@code href="/en/x/a-1"}) becomes
 * a relative path to a file ({@code ../../x/a-1/index.html}), so the copy works from {@code file://} and under any
 * folder of any static server.
 */
final class MirrorLinks {

    private static final Pattern LINK = Pattern.compile("\\b(href|src|poster)=\"(/[^\"/][^\"]*|/)\"");
    /** Responsive images list several files: {@code srcset="/media/a.jpg 320w, /media/b.jpg 640w"}. */
    private static final Pattern SRCSET = Pattern.compile("\\bsrcset=\"([^\"]*)\"");
    /** A search form needs the origin; the mirror shows a note in its place. */
    private static final Pattern SEARCH_FORM = Pattern.compile("<form\\b[^>]*role=\"search\"[^>]*>.*?</form>",
            Pattern.DOTALL);

    private MirrorLinks() {
    }

    /** The mirror file of a site path: pages become {@code .../index.html}, files keep their name. */
    static String fileOf(String sitePath) {
        String path = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        if (path.isEmpty() || path.endsWith("/")) {
            return path + "index.html";
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".") ? path : path + "/index.html";
    }

    /**
     * Rewrites the links of a page written at {@code pageFile} (relative to the mirror's root); reports each
     * site path it links to (to copy media and assets).
     */
    static String rewrite(String html, String pageFile, String searchNote, Consumer<String> linked) {
        String prefix = "../".repeat((int) pageFile.chars().filter(c -> c == '/').count());
        String withoutSearch = SEARCH_FORM.matcher(html).replaceAll(
                Matcher.quoteReplacement("<p class=\"mirror-note\">" + HtmlUtils.htmlEscape(searchNote, "UTF-8") + "</p>"));
        Matcher matcher = LINK.matcher(withoutSearch);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(2);
            int cut = indexOfAny(value, Set.of('#', '?'));
            String path = cut < 0 ? value : value.substring(0, cut);
            String fragment = cut >= 0 && value.charAt(cut) == '#' ? value.substring(cut) : "";
            linked.accept(path);
            String relative = prefix + fileOf(path) + fragment;
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + "=\"" + relative + "\""));
        }
        matcher.appendTail(out);
        return rewriteSrcsets(out.toString(), prefix, linked);
    }

    private static String rewriteSrcsets(String html, String prefix, Consumer<String> linked) {
        Matcher matcher = SRCSET.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            StringBuilder candidates = new StringBuilder();
            for (String candidate : matcher.group(1).split(",")) {
                String[] parts = candidate.strip().split("\\s+", 2);
                if (parts[0].startsWith("/") && !parts[0].startsWith("//")) {
                    linked.accept(parts[0]);
                    parts[0] = prefix + fileOf(parts[0]);
                }
                candidates.append(candidates.isEmpty() ? "" : ", ").append(String.join(" ", parts));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement("srcset=\"" + candidates + "\""));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static int indexOfAny(String text, Set<Character> characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.contains(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
