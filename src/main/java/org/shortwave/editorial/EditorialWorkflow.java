package org.shortwave.editorial;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.AuditLog;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.ArticleNote;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.Revision;
import org.shortwave.content.StoryVersion;
import org.shortwave.content.Translations;
import org.shortwave.editorial.internal.ReviewNoteRepository;
import org.shortwave.platform.Refusal;
import org.shortwave.platform.TextRule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's workflow: draft, in review, published (now, or scheduled for later, with an optional embargo),
 * unpublished. Every action checks {@link Permissions} and the article's state, names the version it is based on
 * (a stale version is an {@link EditConflictException}, never a silent overwrite), and is audited.
 */
@Service
public class EditorialWorkflow {

    /**
     * The states each action starts from: the one table of the workflow's transitions. An action not listed (view,
     * create, edit) is possible in every state.
     */
    private static final Map<Action, Set<ArticleStatus>> FROM = Map.of(
            Action.SUBMIT, EnumSet.of(ArticleStatus.DRAFT),
            Action.REJECT, EnumSet.of(ArticleStatus.IN_REVIEW),
            Action.WITHDRAW, EnumSet.of(ArticleStatus.IN_REVIEW),
            Action.PUBLISH, EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.UNPUBLISHED,
                    ArticleStatus.PUBLISHED),
            Action.UNPUBLISH, EnumSet.of(ArticleStatus.PUBLISHED),
            Action.ADD_NOTE, EnumSet.of(ArticleStatus.PUBLISHED));

    private final NewsroomArticles articles;
    private final Translations translations;
    private final References references;
    private final AuditLog audit;
    private final Clock clock;
    private final org.shortwave.media.MediaLibrary media;
    private final ReviewNoteRepository reviewNotes;

    EditorialWorkflow(NewsroomArticles articles, Translations translations, References references, AuditLog audit,
            Clock clock, org.shortwave.media.MediaLibrary media, ReviewNoteRepository reviewNotes) {
        this.media = media;
        this.references = references;
        this.reviewNotes = reviewNotes;
        this.articles = articles;
        this.translations = translations;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean may(Account user, Action action, EditableArticle article) {
        return Permissions.allows(user, action, article.content().editionCode(), isOwn(user, article),
                article.status());
    }

    /**
     * What this user can do to this article now: allowed by {@link Permissions} and possible from its state. The
     * newsroom's buttons come from this, so they never offer what the workflow would refuse.
     */
    public Set<Action> available(Account user, EditableArticle article) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            // Withdrawing is taking one's own story back; an editor sends another's back (REJECT).
            boolean ownAction = action != Action.WITHDRAW || isOwn(user, article);
            if (action != Action.CREATE && ownAction && possibleFrom(action, article.status())
                    && may(user, action, article)) {
                actions.add(action);
            }
        }
        return actions;
    }

    private static boolean possibleFrom(Action action, ArticleStatus status) {
        return FROM.getOrDefault(action, EnumSet.allOf(ArticleStatus.class)).contains(status);
    }

    @Transactional(readOnly = true)
    public EditableArticle open(Account user, long id) {
        EditableArticle article = find(id);
        require(user, Action.VIEW, article);
        return article;
    }

    @Transactional
    public long create(Account user, ArticleContent content) {
        if (!Permissions.allows(user, Action.CREATE, content.editionCode(), true, ArticleStatus.DRAFT)) {
            throw new NotAllowedException(Action.CREATE, 0);
        }
        content.requireTextRule();
        references.checkContent(user, content);
        long id = articles.createDraft(content, user.id());
        audit.record(user, "article.created", "article", id, content.headline());
        return id;
    }

    /** Saves new content over {@code baseVersion}; returns the new version. */
    @Transactional
    public int save(Account user, long id, int baseVersion, ArticleContent content) {
        EditableArticle article = find(id);
        require(user, Action.EDIT, article);
        if (!article.content().editionCode().equals(content.editionCode())) {
            throw new Refusal(Refusal.Kind.INVALID, "edition", "editor.invalid");
        }
        content.requireTextRule();
        references.checkContent(user, content);
        int version = articles.save(id, baseVersion, content, user.id()).orElseThrow(() -> conflict(id));
        audit.record(user, "article.saved", "article", id, "version " + version);
        takeOverIfDerived(user, id);
        return version;
    }

    /**
     * Links an article (which the user may edit) with another as versions of one story. The other must be one the
     * user may open in the newsroom, or one the public may see ({@link References#translationPartner}).
     */
    @Transactional
    public void linkTranslation(Account user, long id, long otherId) {
        require(user, Action.EDIT, find(id));
        references.translationPartner(user, otherId, "article");
        translations.link(id, otherId);
        audit.record(user, "article.translation-linked", "article", id, "with article " + otherId);
    }

    /**
     * The story's language versions (the article itself included) as this user may list them: the others only in
     * full when the user may open them or the public may see them, else only their edition.
     */
    @Transactional(readOnly = true)
    public List<StoryVersion> versions(Account user, long id) {
        require(user, Action.VIEW, find(id));
        return references.versionsFor(user, translations.versions(id));
    }

    /** Takes the article out of its story's language versions. */
    @Transactional
    public void unlinkTranslation(Account user, long id) {
        require(user, Action.EDIT, find(id));
        translations.unlink(id);
        audit.record(user, "article.translation-unlinked", "article", id, null);
    }

    /** A person's edit of a derived article ends its following of the source (docs/editions.md). */
    private void takeOverIfDerived(Account user, long id) {
        if (translations.takeOver(id)) {
            audit.record(user, "article.taken-over", "article", id, null);
        }
    }

    @Transactional
    public int submit(Account user, long id, int baseVersion) {
        return transition(user, id, baseVersion, Action.SUBMIT, ArticleStatus.IN_REVIEW, null, null);
    }

    @Transactional
    public int reject(Account user, long id, int baseVersion) {
        return transition(user, id, baseVersion, Action.REJECT, ArticleStatus.DRAFT, null, null);
    }

    /** The writer takes her story back from review, to go on writing it. */
    @Transactional
    public int withdraw(Account user, long id, int baseVersion) {
        return transition(user, id, baseVersion, Action.WITHDRAW, ArticleStatus.DRAFT, null, null);
    }

    /**
     * A workflow button of the editor's form, acting on the text on screen: the text is saved first when it
     * differs from the stored one (and the user may edit), then the action is taken on the new version, in one
     * transaction, so "submit" never drops unsaved edits. A note goes into the review conversation with it.
     * Returns the article's new version.
     *
     * @param content the text on screen, or null when the form had none (a read-only copy)
     */
    @Transactional
    public int act(Account user, long id, int baseVersion, ArticleContent content, Action action, Instant at,
            Instant embargoUntil, String note) {
        String noteText = note == null ? "" : note.strip();
        if (noteText.length() > 2000) {
            throw new Refusal(Refusal.Kind.INVALID, "reviewNote", "editor.review.note-too-long");
        }
        if (TextRule.check(noteText) != null) { // the text rule, as for every note (its own message names the note)
            throw new Refusal(Refusal.Kind.INVALID, "reviewNote", "editor.review.note-invalid");
        }
        EditableArticle article = find(id);
        int version = baseVersion;
        if (content != null && may(user, Action.EDIT, article) && !content.equals(article.content())) {
            version = save(user, id, baseVersion, content);
        }
        version = switch (action) {
            case SUBMIT -> submit(user, id, version);
            case REJECT -> reject(user, id, version);
            case WITHDRAW -> withdraw(user, id, version);
            case PUBLISH -> publish(user, id, version, at, embargoUntil);
            case UNPUBLISH -> unpublish(user, id, version);
            default -> throw new Refusal(Refusal.Kind.INVALID, "op", "editor.invalid.action");
        };
        if (!noteText.isEmpty()) {
            String kind = action == Action.PUBLISH && at != null && at.isAfter(clock.instant()) ? "schedule"
                    : action.name().toLowerCase(java.util.Locale.ROOT);
            reviewNotes.add(id, kind, noteText, clock.instant(), user.id());
        }
        return version;
    }

    /** The review conversation of an article, oldest first, for those who may see the article. */
    @Transactional(readOnly = true)
    public List<ReviewNote> reviewNotes(Account user, long id) {
        require(user, Action.VIEW, find(id));
        return reviewNotes.of(id);
    }

    /**
     * Publishes: now ({@code at} null or past), or scheduled for {@code at}. An embargo keeps it from the public
     * until {@code embargoUntil} whatever the publish time.
     */
    @Transactional
    public int publish(Account user, long id, int baseVersion, Instant at, Instant embargoUntil) {
        return transition(user, id, baseVersion, Action.PUBLISH, ArticleStatus.PUBLISHED, at, embargoUntil);
    }

    @Transactional
    public int unpublish(Account user, long id, int baseVersion) {
        int version = transition(user, id, baseVersion, Action.UNPUBLISH, ArticleStatus.UNPUBLISHED, null, null);
        takeOverIfDerived(user, id);
        return version;
    }

    /** Adds a correction or update note to a published story; it shows on the public page with its time. */
    @Transactional
    public void addNote(Account user, long id, ArticleNote.Kind kind, String text) {
        EditableArticle article = find(id);
        require(user, Action.ADD_NOTE, article);
        if (!possibleFrom(Action.ADD_NOTE, article.status())) {
            throw new InvalidTransitionException(Action.ADD_NOTE, article.status());
        }
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw new Refusal(Refusal.Kind.INVALID, "text", "editor.invalid");
        }
        TextRule.require(text, "text"); // a note is shown to readers: it may not hide, reorder or fake its text
        articles.addNote(id, kind, text.strip(), user.id());
        audit.record(user, "article.note-added", "article", id, kind.dbValue());
    }

    @Transactional(readOnly = true)
    public List<Revision> revisions(Account user, long id) {
        require(user, Action.VIEW, find(id));
        return articles.revisions(id);
    }

    /** Makes an old revision's content the current one, as a new save over {@code baseVersion}. */
    @Transactional
    public int restore(Account user, long id, int revisionVersion, int baseVersion) {
        Revision revision = articles.revisions(id).stream().filter(r -> r.version() == revisionVersion).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "revision", "editor.not-found"));
        int version = save(user, id, baseVersion, revision.content());
        audit.record(user, "article.restored", "article", id, "revision " + revisionVersion);
        return version;
    }

    private int transition(Account user, long id, int baseVersion, Action action, ArticleStatus to,
            Instant publishedAt, Instant embargoUntil) {
        EditableArticle article = find(id);
        require(user, action, article);
        if (article.version() != baseVersion) {
            throw new EditConflictException(article);
        }
        if (!possibleFrom(action, article.status())) {
            throw new InvalidTransitionException(action, article.status());
        }
        Instant keepPublished = to == ArticleStatus.PUBLISHED ? publishTime(article, publishedAt) : article.publishedAt();
        int version = articles.changeState(id, baseVersion, to, keepPublished, embargoUntil, user.id())
                .orElseThrow(() -> conflict(id));
        audit.record(user, "article." + action.name().toLowerCase(java.util.Locale.ROOT), "article", id,
                publishedAt == null ? null : "at " + publishedAt + (embargoUntil == null ? "" : ", embargo " + embargoUntil));
        return version;
    }

    /** A given time; else a story that was public before keeps its date; else now. */
    private Instant publishTime(EditableArticle article, Instant requested) {
        if (requested != null) {
            return requested;
        }
        boolean wasPublic = article.publishedAt() != null
                && (article.status() == ArticleStatus.PUBLISHED || article.status() == ArticleStatus.UNPUBLISHED);
        return wasPublic ? article.publishedAt() : clock.instant();
    }

    private EditableArticle find(long id) {
        return articles.find(id).orElseThrow(() -> new ArticleNotFoundException(id));
    }

    private EditConflictException conflict(long id) {
        return new EditConflictException(find(id));
    }

    private void require(Account user, Action action, EditableArticle article) {
        if (!may(user, action, article)) {
            throw new NotAllowedException(action, article.id());
        }
    }

    private static boolean isOwn(Account user, EditableArticle article) {
        return user != null && Objects.equals(article.createdBy(), user.id());
    }
}
