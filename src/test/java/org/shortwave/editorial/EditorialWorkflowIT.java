package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.TestClock;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.ArticleNote;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.Block;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.PublishedArticles;
import org.shortwave.content.Taxonomy;
import org.shortwave.platform.Refusal;
import org.springframework.beans.factory.annotation.Autowired;

/** The workflow on the real database: transitions, conflicts, revisions, schedule and embargo, notes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorialWorkflowIT extends AppTestBase {

    @Autowired
    EditorialWorkflow workflow;
    @Autowired
    Accounts accounts;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    PublishedArticles published;
    @Autowired
    NewsroomArticles newsroom;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    TestClock clock;

    Account editor;
    Account otherEditor;
    Account writer;
    long section;

    @BeforeAll
    void people() { // once per class: each user costs an Argon2 hash
        editor = user(Role.EDITOR);
        otherEditor = user(Role.EDITOR);
        writer = user(Role.CONTRIBUTOR);
        section = taxonomy.ensureSection("zh-hans", "newsroom-tests", "编辑部测试", 97);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Account user(Role role) {
        Account account = accounts.create(null, "w-" + UUID.randomUUID() + "@example.org", "测试用户", "harbour lights", false);
        accounts.grant(null, account.id(), "zh-hans", role);
        return accounts.find(account.id()).orElseThrow();
    }

    private ArticleContent content(String headline) {
        return new ArticleContent("zh-hans", section, headline, "test-" + UUID.randomUUID().toString().substring(0, 8),
                "导语。", "（短波中文）", List.of(new Block.Paragraph(InlineHtml.sanitize("正文第一段。"))), null,
                List.of(), List.of(), "短波");
    }

    @Test
    void aContributorWritesAndSubmitsAnEditorPublishes() {
        long id = workflow.create(writer, content("撰稿人的稿件"));
        int v2 = workflow.save(writer, id, 1, content("撰稿人的稿件（修改）"));
        int v3 = workflow.submit(writer, id, v2);

        assertThatThrownBy(() -> workflow.publish(writer, id, v3, null, null)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> workflow.save(writer, id, v3, content("在审核中再改"))).isInstanceOf(NotAllowedException.class);
        assertThat(published.find(id)).isEmpty();

        int v4 = workflow.publish(editor, id, v3, null, null);
        assertThat(published.find(id)).hasValueSatisfying(a -> assertThat(a.headline()).isEqualTo("撰稿人的稿件（修改）"));

        workflow.unpublish(editor, id, v4);
        assertThat(published.find(id)).isEmpty();
        assertThat(newsroom.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.UNPUBLISHED);
    }

    @Test
    void invalidTransitionsAreRefused() {
        long id = workflow.create(editor, content("状态测试"));
        assertThatThrownBy(() -> workflow.unpublish(editor, id, 1)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> workflow.reject(editor, id, 1)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> workflow.addNote(editor, id, ArticleNote.Kind.CORRECTION, "更正"))
                .isInstanceOf(InvalidTransitionException.class);
        int v2 = workflow.submit(editor, id, 1);
        assertThatThrownBy(() -> workflow.submit(editor, id, v2)).isInstanceOf(InvalidTransitionException.class);
        assertThat(workflow.reject(editor, id, v2)).isEqualTo(3);
    }

    @Test
    void theAvailableActionsFollowTheStateAndTheRole() {
        long id = workflow.create(writer, content("按钮测试"));
        assertThat(workflow.available(writer, newsroom.find(id).orElseThrow()))
                .containsExactlyInAnyOrder(Action.VIEW, Action.EDIT, Action.SUBMIT);
        assertThat(workflow.available(editor, newsroom.find(id).orElseThrow()))
                .containsExactlyInAnyOrder(Action.VIEW, Action.EDIT, Action.SUBMIT, Action.PUBLISH);
        int v2 = workflow.submit(writer, id, 1);
        // In review the writer reads her story and may take it back (withdraw, ADR 0021), not edit it.
        assertThat(workflow.available(writer, newsroom.find(id).orElseThrow()))
                .containsExactlyInAnyOrder(Action.VIEW, Action.WITHDRAW);
        assertThat(workflow.available(editor, newsroom.find(id).orElseThrow()))
                .containsExactlyInAnyOrder(Action.VIEW, Action.EDIT, Action.REJECT, Action.PUBLISH);
        workflow.publish(editor, id, v2, null, null);
        assertThat(workflow.available(editor, newsroom.find(id).orElseThrow()))
                .containsExactlyInAnyOrder(Action.VIEW, Action.EDIT, Action.PUBLISH, Action.UNPUBLISH, Action.ADD_NOTE);
        assertThat(workflow.available(otherEditor, newsroom.find(id).orElseThrow()))
                .doesNotContain(Action.CREATE).contains(Action.UNPUBLISH);
    }

    @Test
    void twoEditorsSavingTheSameVersionGetAConflictAndNothingIsLost() {
        long id = workflow.create(editor, content("原标题"));

        int first = workflow.save(editor, id, 1, content("第一位编辑的标题"));
        EditConflictException conflict = org.junit.jupiter.api.Assertions.assertThrows(EditConflictException.class,
                () -> workflow.save(otherEditor, id, 1, content("第二位编辑的标题")));

        assertThat(conflict.current().version()).isEqualTo(first);
        assertThat(conflict.current().content().headline()).isEqualTo("第一位编辑的标题");
        assertThat(newsroom.find(id).orElseThrow().content().headline()).isEqualTo("第一位编辑的标题");
        // The second editor saves again on top of what they now see.
        assertThat(workflow.save(otherEditor, id, first, content("合并后的标题"))).isEqualTo(first + 1);
    }

    @Test
    void everySaveKeepsARevisionAndAnOldOneCanBeRestored() {
        long id = workflow.create(editor, content("第一版"));
        int v2 = workflow.save(editor, id, 1, content("第二版"));
        int v3 = workflow.save(editor, id, v2, content("第三版"));

        assertThat(workflow.revisions(editor, id)).extracting(r -> r.content().headline())
                .containsExactly("第三版", "第二版", "第一版");
        int v4 = workflow.restore(editor, id, 1, v3);
        assertThat(newsroom.find(id).orElseThrow().content().headline()).isEqualTo("第一版");
        assertThat(workflow.revisions(editor, id)).hasSize(4).first().satisfies(r -> assertThat(r.version()).isEqualTo(v4));
    }

    @Test
    void aScheduledArticleIsPublicOnTimeAndAnnouncedExactlyOnceByConcurrentNodes() throws Exception {
        long id = workflow.create(editor, content("定时发布"));
        workflow.publish(editor, id, 1, NOW.plus(Duration.ofMinutes(10)), null);
        assertThat(published.find(id)).isEmpty();
        assertThat(newsroom.announceDue()).doesNotContain(id);

        long before = changeLog.latestSeq();
        clock.advance(Duration.ofMinutes(11));
        assertThat(published.find(id)).isPresent();

        // Four "nodes" race to announce what is due, and this node's own scheduler (every second) is a fifth: under
        // load it may win, so the four claim it at most once, and the change log shows exactly one announcement.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> runs = pool.invokeAll(java.util.Collections.nCopies(4,
                    (Callable<List<Long>>) newsroom::announceDue));
            long claims = 0;
            for (Future<List<Long>> run : runs) {
                claims += run.get().stream().filter(a -> a == id).count();
            }
            assertThat(claims).isLessThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // (Its derived zh-hant version may be made and linked meanwhile, which logs LISTS_CHANGED: not counted.)
        assertThat(changeLog.since(before, 1000)).filteredOn(c -> c.articleId() != null && c.articleId() == id)
                .extracting(c -> c.kind()).filteredOn(kind -> kind != ChangeKind.LISTS_CHANGED)
                .containsExactly(ChangeKind.ARTICLE_PUBLISHED);
    }

    @Test
    void anEmbargoKeepsAPublishedArticleFromThePublicUntilItEnds() {
        long id = workflow.create(editor, content("禁发稿"));
        workflow.publish(editor, id, 1, null, NOW.plus(Duration.ofHours(2)));
        assertThat(published.find(id)).isEmpty();
        assertThat(published.latest("zh-hans", 500, List.of())).noneMatch(t -> t.id() == id);

        clock.advance(Duration.ofHours(2));
        assertThat(published.find(id)).isPresent();
    }

    @Test
    void correctionsShowOnThePublicPageWithTheirTime() {
        long id = workflow.create(editor, content("需要更正的报道"));
        workflow.publish(editor, id, 1, null, null);
        workflow.addNote(editor, id, ArticleNote.Kind.CORRECTION, "本文早前版本误写了日期，现已更正。");

        String page = get(published.find(id).orElseThrow().path()).body();
        assertThat(page).contains("更正", "本文早前版本误写了日期，现已更正。");
    }

    /** Found by the XSS corpus: a NUL in a note reached PostgreSQL, which cannot store it (a server error). */
    @Test
    void notesRefuseControlAndReorderingCharacters() {
        long id = workflow.create(editor, content("更正里的控制字符"));
        workflow.publish(editor, id, 1, null, null);
        // The text rule (platform.TextRule), refused as a Refusal on the note's text with the code point.
        assertNoteRefused(id, "nul\u0000byte", "text.invalid.control", "U+0000");
        assertNoteRefused(id, "\u202Egnp.exe", "text.invalid.reordering", "U+202E");
        assertNoteRefused(id, "\u200B\u200B", "text.invalid.control", "U+200B");
        // A review note follows the same rule, refused before anything is saved or sent on.
        long draft = workflow.create(editor, content("评审备注里的隐藏字符"));
        assertThatThrownBy(() -> workflow.act(editor, draft, 1, null, Action.SUBMIT, null, null, "请看\u2066第二段"))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("reviewNote");
                    assertThat(refusal.messageKey()).isEqualTo("editor.review.note-invalid");
                });
        assertThat(newsroom.find(draft).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
        workflow.unpublish(editor, id, workflow.open(editor, id).version());
    }

    private void assertNoteRefused(long id, String text, String messageKey, String codePoint) {
        assertThatThrownBy(() -> workflow.addNote(editor, id, ArticleNote.Kind.CORRECTION, text)).as(text)
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(refusal.field()).isEqualTo("text");
                    assertThat(refusal.messageKey()).isEqualTo(messageKey);
                    assertThat(refusal.args()).containsExactly(codePoint);
                });
    }

    @Test
    void draftsScheduledAndUnpublishedArticlesAreReachableByNoPublicUrl() {
        long draft = workflow.create(editor, content("草稿"));
        long scheduled = workflow.create(editor, content("定时"));
        workflow.publish(editor, scheduled, 1, NOW.plus(Duration.ofDays(1)), null);
        long withdrawn = workflow.create(editor, content("撤下"));
        workflow.unpublish(editor, withdrawn, workflow.publish(editor, withdrawn, 1, null, null));

        for (long id : List.of(draft, scheduled, withdrawn)) {
            var article = newsroom.find(id).orElseThrow();
            assertThat(get(article.path()).statusCode()).as("canonical %d", id).isEqualTo(404);
            assertThat(get("/zh-hans/old-slug/a-" + id).statusCode()).as("old slug %d", id).isEqualTo(404);
            assertThat(get("/zh-hans/a-" + id).statusCode()).as("no slug %d", id).isEqualTo(404);
        }
    }
}
