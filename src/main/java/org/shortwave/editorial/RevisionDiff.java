package org.shortwave.editorial;

import java.util.ArrayList;
import java.util.List;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;

/** A side-by-side comparison of two revisions: the fields, then the body block by block (aligned by LCS). */
public final class RevisionDiff {

    /** One row: what the left and right revisions say; {@code changed} when they differ. */
    public record Row(String label, String left, String right, boolean changed) {
    }

    private RevisionDiff() {
    }

    public static List<Row> between(ArticleContent left, ArticleContent right) {
        List<Row> rows = new ArrayList<>();
        field(rows, "editor.field.headline", left.headline(), right.headline());
        field(rows, "editor.field.slug", left.slug(), right.slug());
        field(rows, "editor.field.lead", left.lead(), right.lead());
        field(rows, "editor.field.dateline", left.dateline(), right.dateline());
        field(rows, "editor.field.section", Long.toString(left.sectionId()), Long.toString(right.sectionId()));
        field(rows, "editor.field.main-image", String.valueOf(left.mainImageId()), String.valueOf(right.mainImageId()));
        field(rows, "editor.field.authors", left.authorIds().toString(), right.authorIds().toString());
        field(rows, "editor.field.topics", left.topicIds().toString(), right.topicIds().toString());
        field(rows, "editor.field.copyright", left.copyrightHolder(), right.copyrightHolder());
        rows.addAll(body(text(left.body()), text(right.body())));
        return rows;
    }

    private static void field(List<Row> rows, String label, String left, String right) {
        rows.add(new Row(label, left, right, !left.equals(right)));
    }

    /** Longest-common-subsequence alignment of the two bodies' blocks. */
    static List<Row> body(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                rows.add(new Row("editor.field.block", a.get(i++), b.get(j++), false));
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                rows.add(new Row("editor.field.block", "", b.get(j++), true));
            } else {
                rows.add(new Row("editor.field.block", a.get(i++), "", true));
            }
        }
        return rows;
    }

    private static List<String> text(List<Block> body) {
        return body.stream().map(block -> switch (block) {
            case Block.Paragraph p -> p.text().html().replaceAll("<[^>]+>", "");
            case Block.Heading h -> "## " + h.text();
            case Block.Quote q -> "> " + q.text() + " — " + q.attribution();
            case Block.Image im -> "[image " + im.mediaId() + "] " + (im.caption() == null ? "" : im.caption());
            case Block.Video v -> "[video " + v.mediaId() + "]";
            case Block.ListBlock l -> String.join(" / ", l.items().stream().map(x -> x.html().replaceAll("<[^>]+>", "")).toList());
            case Block.Divider d -> "———";
        }).map(org.springframework.web.util.HtmlUtils::htmlUnescape).toList();
    }
}
