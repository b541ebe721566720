package org.shortwave.editorial;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.shortwave.accounts.Account;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.editorial.internal.DraftRepository;
import org.shortwave.i18n.Editions;
import org.shortwave.platform.Refusal;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Autosave (ADR 0021): the editor's text as it is on screen, kept per user and article (or per draft key for an
 * article not created yet), unvalidated. A draft is never a revision and never touches the article: a published
 * story's public text moves only when someone saves or publishes. One row per user and article, overwritten, so an
 * autosave costs the same on the first version as on the thousandth.
 */
@Service
public class Drafts {

    /** The most characters of field values a draft (or a kept form) may hold: far above any real story. */
    public static final int MAX_CHARS = 1_000_000;
    static final int MAX_FIELDS = 20_000;
    /** A draft nobody touched for this long is forgotten. */
    static final Duration KEPT_FOR = Duration.ofDays(30);
    /** Not part of the text: the page's CSRF token and the button pressed. */
    private static final Set<String> NOT_TEXT = Set.of("_csrf", "op");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,80}");

    /** An autosave's result: the draft, and the article's version now (newer than the draft's base: a conflict). */
    public record Saved(Draft draft, int currentVersion) {
        public boolean conflict() {
            return draft.articleId() != null && currentVersion > draft.baseVersion();
        }
    }

    private final DraftRepository drafts;
    private final NewsroomArticles articles;
    private final Editions editions;
    private final Clock clock;

    Drafts(DraftRepository drafts, NewsroomArticles articles, Editions editions, Clock clock) {
        this.drafts = drafts;
        this.articles = articles;
        this.editions = editions;
        this.clock = clock;
    }

    /** Keeps the text on screen for a stored article the user may edit. */
    @Transactional
    public Saved autosave(Account user, long articleId, Map<String, List<String>> posted) {
        EditableArticle article = editable(user, articleId);
        Map<String, List<String>> form = clean(posted);
        Draft draft = new Draft(user.id(), articleId, null, article.content().editionCode(), version(form), form,
                clock.instant());
        drafts.put(draft);
        return new Saved(draft, article.version());
    }

    /** Keeps the text on screen for a new article in an edition the user may write for. */
    @Transactional
    public Saved autosaveNew(Account user, String editionCode, UUID draftKey, Map<String, List<String>> posted) {
        if (draftKey == null) {
            throw new Refusal(Refusal.Kind.INVALID, "draftKey", "editor.autosave.no-key");
        }
        String edition = creatable(user, editionCode);
        Map<String, List<String>> form = clean(posted);
        Draft draft = new Draft(user.id(), null, draftKey, edition, 0, form, clock.instant());
        drafts.put(draft);
        return new Saved(draft, 0);
    }

    /** The user's draft of an article, if any (and if they may still edit it). */
    @Transactional(readOnly = true)
    public Optional<Draft> forArticle(Account user, long articleId) {
        return drafts.forArticle(user.id(), articleId);
    }

    @Transactional(readOnly = true)
    public Optional<Draft> forKey(Account user, UUID key) {
        return drafts.forKey(user.id(), key);
    }

    /** The user's drafts of new articles, newest first, in editions they may still write for. */
    @Transactional(readOnly = true)
    public List<Draft> newArticles(Account user) {
        return drafts.newArticles(user.id(), 20).stream()
                .filter(d -> Permissions.allows(user, Action.CREATE, d.editionCode(), true, ArticleStatus.DRAFT))
                .toList();
    }

    @Transactional
    public void discard(Account user, long articleId) {
        drafts.deleteForArticle(user.id(), articleId);
    }

    @Transactional
    public void discardNew(Account user, UUID key) {
        drafts.deleteForKey(user.id(), key);
    }

    /**
     * Stores a draft as it is (a kept form handed to its user: {@link KeptPosts}), after the same checks. Runs in
     * the caller's transaction, not one of its own: a refusal here must not roll back the caller's work.
     */
    Draft put(Account user, Long articleId, String editionCode, Map<String, List<String>> posted) {
        Map<String, List<String>> form = clean(posted);
        Draft draft = articleId != null
                ? new Draft(user.id(), articleId, null, editable(user, articleId).content().editionCode(),
                        version(form), form, clock.instant())
                : new Draft(user.id(), null, UUID.randomUUID(), creatable(user, editionCode), 0, form, clock.instant());
        drafts.put(draft);
        return draft;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 120_000)
    void forgetOld() {
        drafts.forget(clock.instant().minus(KEPT_FOR));
    }

    private EditableArticle editable(Account user, long articleId) {
        EditableArticle article = articles.find(articleId).filter(a -> !a.deleted())
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, null, "editor.not-found"));
        boolean own = article.createdBy() != null && article.createdBy() == user.id();
        if (!Permissions.allows(user, Action.VIEW, article.content().editionCode(), own, article.status())) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, null, "editor.not-found");
        }
        if (!Permissions.allows(user, Action.EDIT, article.content().editionCode(), own, article.status())) {
            throw new Refusal(Refusal.Kind.NOT_ALLOWED, null, "editor.not-allowed");
        }
        return article;
    }

    private String creatable(Account user, String editionCode) {
        String edition = editions.find(editionCode == null ? "" : editionCode)
                .orElseThrow(() -> new Refusal(Refusal.Kind.INVALID, "edition", "editor.autosave.no-edition"))
                .code();
        if (!Permissions.allows(user, Action.CREATE, edition, true, ArticleStatus.DRAFT)) {
            throw new Refusal(Refusal.Kind.NOT_ALLOWED, "edition", "editor.not-allowed");
        }
        return edition;
    }

    /**
     * The fields worth keeping, bounded: plain field names only, the CSRF token and the button left out, NUL
     * characters (which PostgreSQL cannot store) removed. Nothing else is checked: a draft is text in progress.
     */
    static Map<String, List<String>> clean(Map<String, List<String>> posted) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        long chars = 0;
        int fields = 0;
        for (Map.Entry<String, List<String>> field : posted.entrySet()) {
            if (NOT_TEXT.contains(field.getKey()) || !FIELD_NAME.matcher(field.getKey()).matches()) {
                continue;
            }
            List<String> values = field.getValue() == null ? List.of()
                    : field.getValue().stream().map(v -> v == null ? "" : v.replace("\u0000", "")).toList();
            for (String value : values) {
                chars += value.length();
            }
            fields += values.size();
            if (chars > MAX_CHARS || fields > MAX_FIELDS) {
                throw new Refusal(Refusal.Kind.TOO_LARGE, null, "editor.autosave.too-large",
                        String.valueOf(MAX_CHARS));
            }
            form.put(field.getKey(), values);
        }
        return form;
    }

    static int chars(Map<String, List<String>> form) {
        return form.values().stream().flatMap(List::stream).mapToInt(String::length).sum();
    }

    private static int version(Map<String, List<String>> form) {
        List<String> version = form.get("version");
        try {
            return version == null || version.isEmpty() ? 0 : Math.max(0, Integer.parseInt(version.getFirst().strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
