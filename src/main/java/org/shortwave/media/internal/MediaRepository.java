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
     * body image or video), or shows the video it is the poster of. Binds {@code :now}. The item and the videos it is
     * the poster of are listed first and each asked about on its own: a join of media and articles on an OR made
     * PostgreSQL test every public article against every item (1.3 s for one restricted file at 12,500 public
     * articles; 55 ms this way, the same answers for every item).
     */
    private static final String SHOWN_PUBLICLY = """
            exists (select 1 from (select m.id as shown_id
                                   union all select v.id from media v where v.poster_id = m.id) c
                    where exists (select 1 from article a where a.main_image_id = c.shown_id and %1$s)
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
