package org.shortwave.editorial;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.shortwave.accounts.Account;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.StoryVersion;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Visibility;
import org.shortwave.media.MediaLibrary;
import org.shortwave.platform.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule for references (ADR 0020): every id a newsroom write names is resolved here, which answers whether
 * the thing exists, is of the kind the field needs, and whether this user may use it here. A refusal is a
 * {@link Refusal} naming the field as a path ({@code mainImage}, {@code body[3].media}, {@code section},
 * {@code topics[1]}, {@code authors[0]}, {@code article}): {@code UNKNOWN_REFERENCE} when the thing does not exist,
 * is of the wrong kind or of another edition; {@code NOT_ALLOWED} when it exists but is not this user's to use. The
 * checks run before anything is written, so a refused write stores nothing.
 *
 * <ul>
 * <li>Section, topics: of the story's edition.</li>
 * <li>Authors: existing people (people are shared by every edition).</li>
 * <li>Media: existing, of the right kind (main image and image blocks a photo, video blocks a video), and one the
 * user may see ({@link MediaLibrary#mayUse}: public, their upload, or of an edition where they hold a role).</li>
 * <li>Translation partner: existing, and one the user may open in the newsroom or that the public may see
 * ({@link Visibility}, never the status alone).</li>
 * </ul>
 */
@Service
public class References {

    /** Why a field names media, and the kind it needs. */
    private record MediaField(String field, long id, String kind) {
    }

    private final MediaLibrary media;
    private final Taxonomy taxonomy;
    private final NewsroomArticles articles;
    private final Clock clock;

    References(MediaLibrary media, Taxonomy taxonomy, NewsroomArticles articles, Clock clock) {
        this.media = media;
        this.taxonomy = taxonomy;
        this.articles = articles;
        this.clock = clock;
    }

    /** Checks every id an article's content names, for a story of its edition written by this user. */
    @Transactional(readOnly = true)
    public void checkContent(Account user, ArticleContent content) {
        String edition = content.editionCode();
        if (taxonomy.section(edition, content.sectionId()).isEmpty()) {
            throw unknown("section", "reference.section.unknown", content.sectionId());
        }
        List<Long> topics = content.topicIds();
        for (int i = 0; i < topics.size(); i++) {
            if (topics.get(i) == null || taxonomy.topic(edition, topics.get(i)).isEmpty()) {
                throw unknown("topics[" + i + "]", "reference.topic.unknown", topics.get(i));
            }
        }
        List<Long> authors = content.authorIds();
        for (int i = 0; i < authors.size(); i++) {
            if (authors.get(i) == null || taxonomy.person(authors.get(i)).isEmpty()) {
                throw unknown("authors[" + i + "]", "reference.person.unknown", authors.get(i));
            }
        }
        checkMedia(user, mediaFields(content));
    }

    private void checkMedia(Account user, List<MediaField> fields) {
        if (fields.isEmpty()) {
            return;
        }
        Set<Long> ids = new LinkedHashSet<>();
        fields.forEach(f -> ids.add(f.id()));
        Map<Long, String> kinds = media.kinds(ids);
        Set<Long> usable = media.mayUse(user, ids);
        for (MediaField f : fields) {
            String kind = kinds.get(f.id());
            if (kind == null) {
                throw unknown(f.field(), "reference.media.unknown", f.id());
            }
            // Whose it is comes before what it is: its kind is not told to someone who may not see it.
            if (!usable.contains(f.id())) {
                throw new Refusal(Refusal.Kind.NOT_ALLOWED, f.field(), "reference.media.not-allowed",
                        String.valueOf(f.id()));
            }
            if (!kind.equals(f.kind())) {
                throw unknown(f.field(), "image".equals(f.kind()) ? "reference.media.not-image"
                        : "reference.media.not-video", f.id());
            }
        }
    }

    /** Every media id the content names, with its field's path and the kind it needs, in the content's order. */
    private static List<MediaField> mediaFields(ArticleContent content) {
        List<MediaField> fields = new ArrayList<>();
        if (content.mainImageId() != null) {
            fields.add(new MediaField("mainImage", content.mainImageId(), "image"));
        }
        Long socialImage = content.appearance().socialImageId();
        if (socialImage != null) {
            fields.add(new MediaField("socialImage", socialImage, "image"));
        }
        List<Block> body = content.body();
        for (int i = 0; i < body.size(); i++) {
            switch (body.get(i)) {
                case Block.Image image -> fields.add(new MediaField("body[" + i + "].media", image.mediaId(), "image"));
                case Block.Video video -> fields.add(new MediaField("body[" + i + "].media", video.mediaId(), "video"));
                default -> { }
            }
        }
        return fields;
    }

    /**
     * The article a user names as a translation partner (field {@code field}): it must exist, and be one the user
     * may open in the newsroom or one the public may see now.
     */
    @Transactional(readOnly = true)
    public EditableArticle translationPartner(Account user, long id, String field) {
        EditableArticle other = articles.find(id).orElseThrow(() -> unknown(field, "reference.article.unknown", id));
        if (!mayRead(user, other)) {
            throw new Refusal(Refusal.Kind.NOT_ALLOWED, field, "reference.article.not-allowed",
                    String.valueOf(id));
        }
        return other;
    }

    /**
     * A story's versions as this user may list them: in full those the user may open or the public may see; of
     * the others only the edition ({@link StoryVersion#withheld}).
     */
    @Transactional(readOnly = true)
    public List<StoryVersion> versionsFor(Account user, List<StoryVersion> versions) {
        return versions.stream().map(v -> articles.find(v.id()).filter(a -> mayRead(user, a)).map(a -> v)
                .orElseGet(() -> StoryVersion.withheld(v.editionCode()))).toList();
    }

    private boolean mayRead(Account user, EditableArticle article) {
        return Permissions.allows(user, Action.VIEW, article.content().editionCode(),
                user != null && Objects.equals(article.createdBy(), user.id()), article.status())
                || Visibility.isPublic(article, clock.instant());
    }

    private static Refusal unknown(String field, String key, Object id) {
        return new Refusal(Refusal.Kind.UNKNOWN_REFERENCE, field, key, String.valueOf(id));
    }
}
