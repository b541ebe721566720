package org.shortwave.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MirrorLinksTest {

    @Test
    void pagesBecomeIndexFilesAndFilesKeepTheirNames() {
        assertThat(MirrorLinks.fileOf("/en/")).isEqualTo("en/index.html");
        assertThat(MirrorLinks.fileOf("/en/storm/a-12")).isEqualTo("en/storm/a-12/index.html");
        assertThat(MirrorLinks.fileOf("/zh-hans/台风/s-3/feed.rss")).isEqualTo("zh-hans/台风/s-3/feed.rss");
        assertThat(MirrorLinks.fileOf("/media/ab/abc.jpg")).isEqualTo("media/ab/abc.jpg");
    }

    @Test
    void siteLinksBecomeRelativeToThePage() {
        List<String> linked = new ArrayList<>();
        String html = "<a href=\"/en/\">home</a><img src=\"/media/ab/x.jpg\"><a href=\"#content\">skip</a>"
                + "<link rel=\"canonical\" href=\"https://example.org/en/a/a-1\"><video poster=\"/media/p.jpg\"></video>"
                + "<a href=\"/en/world/s-2#top\">w</a>";
        String out = MirrorLinks.rewrite(html, "en/story/a-1/index.html", "No search", linked::add);
        assertThat(out).contains("href=\"../../../en/index.html\"", "src=\"../../../media/ab/x.jpg\"", "href=\"#content\"",
                "href=\"https://example.org/en/a/a-1\"", "poster=\"../../../media/p.jpg\"",
                "href=\"../../../en/world/s-2/index.html#top\"");
        assertThat(linked).containsExactly("/en/", "/media/ab/x.jpg", "/media/p.jpg", "/en/world/s-2");
    }

    @Test
    void everyCandidateOfASrcsetIsRewrittenAndCopied() {
        java.util.List<String> linked = new java.util.ArrayList<>();
        String out = MirrorLinks.rewrite("<img src=\"/media/a/x.jpg\" srcset=\"/media/b/y.jpg 320w, /media/c/z.jpg 640w\">",
                "en/index.html", "No search", linked::add);
        assertThat(out).contains("srcset=\"../media/b/y.jpg 320w, ../media/c/z.jpg 640w\"");
        assertThat(linked).containsExactly("/media/a/x.jpg", "/media/b/y.jpg", "/media/c/z.jpg");
    }

    @Test
    void aSearchFormBecomesAnEscapedNote() {
        String out = MirrorLinks.rewrite("<form role=\"search\" action=\"/en/search\"><input name=\"q\"></form>",
                "en/index.html", "Search <not> here", s -> { });
        assertThat(out).isEqualTo("<p class=\"mirror-note\">Search &lt;not&gt; here</p>");
    }

    @Test
    void xmlTextLosesOnlyWhatXmlCannotCarry() {
        assertThat(XmlText.clean("a\u0000b\u0007c\td\ne\u00e9\u4e2d\uFFFF")).isEqualTo("abc\td\ne\u00e9\u4e2d");
        assertThat(XmlText.clean("x\uD83D\uDE00y\uD83Dz\uDE00")).isEqualTo("x\uD83D\uDE00yz");
    }
}
