package org.shortwave.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shortwave.content.Visibility;
import org.shortwave.media.MediaItem;
import org.shortwave.media.NewMedia;
import org.shortwave.media.Rendition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MediaRepository {

    private static final String COLUMNS = """
            id, kind, file_path, content_type, byte_size, width, height, alt_text, caption, credit, title,
            duration_seconds, poster_id, captions_path, captions_lang""";

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewMedia media) {
        return jdbc.sql("""
                insert into media (source_key, kind, file_path, content_type, byte_size, width, height, alt_text,
                                   caption, credit, title, duration_seconds, poster_id, captions_path, captions_lang)
                values (:sourceKey, :kind, :filePath, :contentType, :byteSize, :width, :height, :alt, :caption,
                        :credit, :title, :duration, :poster, :captionsPath, :captionsLang)
                returning id""")
                .param("sourceKey", media.sourceKey())
                .param("kind", media.kind())
                .param("filePath", media.file().path())
                .param("contentType", media.file().contentType())
                .param("byteSize", media.file().byteSize())
                .param("width", media.width())
                .param("height", media.height())
                .param("alt", media.altText())
                .param("caption", media.caption())
                .param("credit", media.credit())
                .param("title", media.title())
                .param("duration", media.durationSeconds())
                .param("poster", media.posterId())
                .param("captionsPath", media.captions() == null ? null : media.captions().path())
                .param("captionsLang", media.captionsLang())
                .query(Long.class).single();
    }

    public Optional<Long> findIdBySourceKey(String sourceKey) {
        return jdbc.sql("select id from media where source_key = ?").param(sourceKey).query(Long.class).optional();
    }

    public List<MediaItem> recent(String kind, int limit) {
        return jdbc.sql("select " + COLUMNS + " from media where kind = ? and (alt_text is null or alt_text <> '')"
                        + " order by id desc limit ?")
                .params(kind, limit).query(MediaRepository::item).list();
    }

    public List<MediaItem> findWithPosters(Set<Long> ids) {
        Long[] array = ids.toArray(Long[]::new);
        return jdbc.sql("select " + COLUMNS + " from media where id = any(:ids)"
                        + " or id in (select poster_id from media where id = any(:ids))")
                .param("ids", array)
                .query(MediaRepository::item).list();
    }

    public Optional<MediaItem> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from media where id = ?").param(id).query(MediaRepository::item)
                .optional();
    }

    public void insertRendition(long mediaId, Rendition rendition) {
        jdbc.sql("""
                insert into media_rendition (media_id, width, height, file_path, content_type, byte_size)
                values (?, ?, ?, ?, ?, ?)""")
                .params(mediaId, rendition.width(), rendition.height(), rendition.filePath(),
                        rendition.contentType(), rendition.byteSize())
                .update();
    }

    /** The renditions of these items, narrowest first, by item id. */
    public Map<Long, List<Rendition>> renditions(Set<Long> mediaIds) {
        Map<Long, List<Rendition>> result = new HashMap<>();
        jdbc.sql("""
                select media_id, width, height, file_path, content_type, byte_size from media_rendition
                where media_id = any(?) order by media_id, width""")
                .param(mediaIds.toArray(Long[]::new))
                .query((rs, n) -> result.computeIfAbsent(rs.getLong("media_id"), id -> new ArrayList<>())
                        .add(new Rendition(rs.getInt("width"), rs.getInt("height"), rs.getString("file_path"),
                                rs.getString("content_type"), rs.getLong("byte_size"))))
                .list();
        return result;
    }

    /** Whether any stored row (item, captions or rendition) points at this file. */
    public boolean isReferenced(String filePath) {
        return jdbc.sql("""
                select exists (select 1 from media where file_path = :p or captions_path = :p)
                    or exists (select 1 from media_rendition where file_path = :p)""")
                .param("p", filePath).query(Boolean.class).single();
    }

    /**
     * SQL condition on a {@code media} row aliased {@code m}: an article the public may see shows it (as main image,
     * link-card image, body image or video), or shows the video it is the poster of. Binds {@code :now}. The item and the videos it is
     * the poster of are listed first and each asked about on its own: a join of media and articles on an OR made
     * PostgreSQL test every public article against every item (1.3 s for one restricted file at 12,500 public
     * articles; 55 ms this way, the same answers for every item).
     */
    private static final String SHOWN_PUBLICLY = """
            exists (select 1 from (select m.id as shown_id
                                   union all select v.id from media v where v.poster_id = m.id) c
                    where exists (select 1 from article a where a.main_image_id = c.shown_id and %1$s)
                       or exists (select 1 from article a where a.social_image_id = c.shown_id and %1$s)
                       or exists (select 1 from article a
                                  where a.body @> jsonb_build_array(jsonb_build_object('media', c.shown_id)) and %1$s))\
            """.formatted(Visibility.PUBLIC);

    /**
     * SQL condition on {@code m}: the item's file, captions or one of its renditions is stored at {@code :p}. Three
     * indexed lookups in a union (an OR across them would scan the table on every media request).
     */
    private static final String HAS_FILE = """
            m.id in (select id from media where file_path = :p
                     union all select id from media where captions_path = :p
                     union all select media_id from media_rendition where file_path = :p)""";

    /**
     * Whether the file at this path is public (true), restricted (false), or belongs to no item (empty). A file
     * shared by several items is public when any of them is.
     */
    public Optional<Boolean> fileIsPublic(String path) {
        List<Boolean> any = jdbc.sql("select bool_or(m.visibility = 'public') from media m where " + HAS_FILE)
                .param("p", path).query(Boolean.class).list(); // one row; null when no item holds the file
        return any.isEmpty() ? Optional.empty() : Optional.ofNullable(any.getFirst());
    }

    /** Makes the items holding this file public if a public article shows them now; true if any became public. */
    public boolean publishFileIfShown(String path, Instant now) {
        return jdbc.sql("update media m set visibility = 'public' where m.visibility = 'restricted' and " + HAS_FILE
                        + " and " + SHOWN_PUBLICLY)
                .param("p", path).param("now", now.atOffset(java.time.ZoneOffset.UTC)).update() > 0;
    }

    /**
     * Sets the visibility of every item this article shows (and of their posters) by the rule: public when some
     * public article shows it, restricted otherwise. Returns how many items changed.
     */
    public int refreshShownBy(long articleId, Instant now) {
        return jdbc.sql("""
                with shown as (
                    select main_image_id as id from article where id = :article and main_image_id is not null
                    union
                    select social_image_id from article where id = :article and social_image_id is not null
                    union
                    select (b ->> 'media')::bigint from article, jsonb_array_elements(body) b
                    where id = :article and jsonb_typeof(b) = 'object' and b -> 'media' is not null),
                items as (
                    select id from shown
                    union
                    select poster_id from media where id in (select id from shown) and poster_id is not null),
                wanted as (
                    select m.id, case when\s""" + SHOWN_PUBLICLY + """
                     then 'public' else 'restricted' end as visibility
                    from media m where m.id in (select id from items))
                update media set visibility = wanted.visibility from wanted
                where media.id = wanted.id and media.visibility <> wanted.visibility""")
                .param("article", articleId).param("now", now.atOffset(java.time.ZoneOffset.UTC)).update();
    }

    /**
     * SQL condition on a {@code media} row aliased {@code m}: it belongs to one of the editions {@code :editions}
     * (a text array): owned there, or shown by a story there that is not deleted (as main image, body image or
     * video, or as the poster of such a video). The item and the videos it is the poster of are asked about one by
     * one, as in {@link #SHOWN_PUBLICLY}.
     */
    private static final String BELONGS_TO = """
            (m.edition_code = any(%1$s)
             or exists (select 1 from (select m.id as shown_id
                                       union all select v.id from media v where v.poster_id = m.id) c
                        where exists (select 1 from article a where a.main_image_id = c.shown_id
                                      and a.deleted_at is null and a.edition_code = any(%1$s))
                           or exists (select 1 from article a
                                      where a.body @> jsonb_build_array(jsonb_build_object('media', c.shown_id))
                                      and a.deleted_at is null and a.edition_code = any(%1$s))))""";

    /**
     * SQL condition on {@code m}: the user may see and use the item (docs/media.md): an admin ({@code :admin}), the
     * item is public by the live rule (a story the public may see at {@code :now} shows it; never the stored
     * {@code visibility}, which follows the change feed a moment later), the user uploaded it ({@code :user}), or it belongs to an edition the user has a role in
     * ({@code :rights}).
     */
    private static final String SEEN_BY = "(:admin or m.uploaded_by = :user or " + BELONGS_TO.formatted(":rights")
            + " or " + SHOWN_PUBLICLY + ")";

    /** Who is asking, as the bind parameters of {@link #SEEN_BY}. */
    public record Viewer(boolean admin, long userId, Set<String> rights, Instant now) {
    }

    /** The items the viewer may see, by the filter (kind, words, edition), newest first, one page. */
    public List<MediaItem> visibleTo(Viewer viewer, String kind, String text, String edition, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from media m where " + SEEN_BY
                + " and (m.alt_text is null or m.alt_text <> '')");
        if (kind != null) {
            sql.append(" and m.kind = :kind");
        }
        if (text != null) {
            sql.append(" and (strpos(lower(coalesce(m.alt_text, '')), :text) > 0"
                    + " or strpos(lower(coalesce(m.caption, '')), :text) > 0"
                    + " or strpos(lower(coalesce(m.credit, '')), :text) > 0"
                    + " or strpos(lower(coalesce(m.title, '')), :text) > 0)");
        }
        if (edition != null) {
            sql.append(" and ").append(BELONGS_TO.formatted(":only"));
        }
        sql.append(" order by m.id desc offset :offset limit :limit");
        var statement = bind(jdbc.sql(sql.toString()), viewer).param("offset", offset).param("limit", limit);
        if (kind != null) {
            statement = statement.param("kind", kind);
        }
        if (text != null) {
            statement = statement.param("text", text.toLowerCase(java.util.Locale.ROOT));
        }
        if (edition != null) {
            statement = statement.param("only", new String[] {edition});
        }
        return statement.query(MediaRepository::item).list();
    }

    /** Of these item ids, the ones the viewer may see. */
    public Set<Long> seenBy(Viewer viewer, Set<Long> ids) {
        return Set.copyOf(bind(jdbc.sql("select m.id from media m where m.id = any(:ids) and " + SEEN_BY), viewer)
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).list());
    }

    /** Whether the viewer may see some item holding the file at this path (item, captions or rendition). */
    public boolean fileSeenBy(Viewer viewer, String path) {
        return bind(jdbc.sql("select exists (select 1 from media m where " + HAS_FILE + " and " + SEEN_BY + ")"),
                viewer).param("p", path).query(Boolean.class).single();
    }

    /** The kinds of these items, by id (absent: no such item). */
    public Map<Long, String> kinds(Set<Long> ids) {
        Map<Long, String> kinds = new HashMap<>();
        jdbc.sql("select id, kind from media where id = any(?)").param(ids.toArray(Long[]::new))
                .query((rs, n) -> kinds.put(rs.getLong("id"), rs.getString("kind"))).list();
        return kinds;
    }

    /** Gives an item (and its poster) an owning edition and uploader, where it has none yet. */
    public void setOwner(long id, String editionCode, Long uploadedBy) {
        jdbc.sql("""
                update media set edition_code = coalesce(edition_code, :edition),
                                 uploaded_by = coalesce(uploaded_by, :user)
                where id = :id or id = (select poster_id from media where id = :id)""")
                .param("id", id).param("edition", editionCode).param("user", uploadedBy).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Viewer viewer) {
        return statement.param("admin", viewer.admin()).param("user", viewer.userId())
                .param("rights", viewer.rights().toArray(String[]::new))
                .param("now", viewer.now().atOffset(java.time.ZoneOffset.UTC));
    }

    /** Every stored file path (items, captions, renditions), for backups. */
    public List<String> allFilePaths() {
        return jdbc.sql("""
                select file_path from media union select captions_path from media where captions_path is not null
                union select file_path from media_rendition order by 1""").query(String.class).list();
    }

    private static MediaItem item(ResultSet rs, int row) throws SQLException {
        return new MediaItem(rs.getLong("id"), rs.getString("kind"), rs.getString("file_path"),
                rs.getString("content_type"), rs.getLong("byte_size"), rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class), rs.getString("alt_text"), rs.getString("caption"),
                rs.getString("credit"), rs.getString("title"), rs.getObject("duration_seconds", Integer.class),
                rs.getObject("poster_id", Long.class), rs.getString("captions_path"), rs.getString("captions_lang"));
    }
}
