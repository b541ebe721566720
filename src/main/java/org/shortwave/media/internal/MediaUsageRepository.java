package org.shortwave.media.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which stories use which media (as main photo, link-card photo, or in the body), for the newsroom's library. Only
 * stories the asker may open are named: every story for an admin, a story of an edition where the asker is an
 * editor, or one a contributor wrote herself.
 */
@Repository
public class MediaUsageRepository {

    /** A story that uses an item. */
    public record Use(long mediaId, long articleId, String editionCode, String headline, String status) {
    }

    private final JdbcClient jdbc;

    MediaUsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, List<Use>> usesOf(Set<Long> mediaIds, boolean admin, long userId, Set<String> editorOf) {
        Map<Long, List<Use>> uses = new HashMap<>();
        if (mediaIds.isEmpty()) {
            return uses;
        }
        jdbc.sql("""
                select u.media_id, a.id, a.edition_code, a.headline, a.status
                from (select m as media_id from unnest(cast(:ids as bigint[])) m) u
                join article a on a.deleted_at is null
                     and (a.main_image_id = u.media_id or a.social_image_id = u.media_id
                          or a.body @> jsonb_build_array(jsonb_build_object('media', u.media_id)))
                where :admin or a.edition_code = any(cast(:editorOf as text[])) or a.created_by = :user
                order by u.media_id, a.id desc""")
                .param("ids", mediaIds.toArray(Long[]::new))
                .param("admin", admin)
                .param("editorOf", editorOf.toArray(String[]::new))
                .param("user", userId)
                .query((rs, row) -> new Use(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list()
                .forEach(use -> uses.computeIfAbsent(use.mediaId(), id -> new ArrayList<>()).add(use));
        return uses;
    }
}
