package org.shortwave.media.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shortwave.media.MediaItem;
import org.shortwave.media.NewMedia;
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
                .params(kind, limit).query(MediaItem.class).list();
    }

    public List<MediaItem> findWithPosters(Set<Long> ids) {
        Long[] array = ids.toArray(Long[]::new);
        return jdbc.sql("select " + COLUMNS + " from media where id = any(:ids)"
                        + " or id in (select poster_id from media where id = any(:ids))")
                .param("ids", array)
                .query(MediaItem.class).list();
    }
}
