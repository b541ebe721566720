package org.shortwave.content.internal;

import static org.shortwave.content.internal.ArticleRepository.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.Derivation;
import org.shortwave.content.StoryVersion;
import org.shortwave.content.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for translations (language versions of one story) and derived articles. */
@Repository
public class TranslationRepository {

    private final JdbcClient jdbc;

    TranslationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The other versions of an article that the public may see, in edition order. */
    public List<ArticleTeaser> publicVersions(long articleId, Instant now) {
        return jdbc.sql("""
                select a.id, a.edition_code, a.slug, a.headline, a.lead, a.published_at, a.main_image_id
                from article me
                join article a on a.translation_group = me.translation_group and a.id <> me.id
                join edition e on e.code = a.edition_code
                where me.id = :id and """ + " " + Visibility.PUBLIC + " order by e.position, e.code")
                .param("id", articleId)
                .param("now", utc(now))
                .query((rs, row) -> new ArticleTeaser(rs.getLong("id"), rs.getString("edition_code"),
                        rs.getString("slug"), rs.getString("headline"), rs.getString("lead"),
                        ArticleRepository.instant(rs, "published_at"), (Long) rs.getObject("main_image_id")))
                .list();
    }

    /** Every version of an article's story (itself included), any state, for the newsroom. */
    public List<StoryVersion> group(long articleId) {
        return jdbc.sql("""
                select a.id, a.edition_code, a.headline, a.status, a.derived_from, a.derivation_followed
                from article me join article a on a.translation_group = me.translation_group or a.id = me.id
                where me.id = ? and a.deleted_at is null order by a.edition_code, a.id""")
                .param(articleId)
                .query((rs, row) -> new StoryVersion(rs.getLong("id"), rs.getString("edition_code"),
                        rs.getString("headline"), ArticleStatus.of(rs.getString("status")),
                        (Long) rs.getObject("derived_from"), rs.getBoolean("derivation_followed")))
                .list();
    }

    /** Locks the articles' rows (in id order, so two linkers never deadlock) until the transaction ends. */
    public void lockRows(long a, long b) {
        jdbc.sql("select id from article where id in (?, ?) order by id for update").params(a, b)
                .query(Long.class).list();
    }

    public Optional<Long> groupOf(long articleId) {
        return jdbc.sql("select translation_group from article where id = ?").param(articleId)
                .query((rs, row) -> (Long) rs.getObject(1)).optional().flatMap(Optional::ofNullable);
    }

    public void setGroup(long articleId, Long group) {
        jdbc.sql("update article set translation_group = ? where id = ?").params(group, articleId).update();
    }

    /** Puts every article of group {@code from} into group {@code to}. */
    public void mergeGroup(long from, long to) {
        jdbc.sql("update article set translation_group = ? where translation_group = ?").params(to, from).update();
    }

    /** Names the group after its lowest member id (deleted articles included: they keep their place in it). */
    public void renameAfterAMember(long group) {
        jdbc.sql("""
                update article set translation_group = (select min(id) from article where translation_group = ?)
                where translation_group = ?""").params(group, group).update();
    }

    /** Editions that have a version in the group (not counting {@code except}). */
    public List<String> editionsIn(long group, long except) {
        return jdbc.sql("select edition_code from article where translation_group = ? and id <> ?")
                .params(group, except).query(String.class).list();
    }

    /** The article derived from {@code sourceId} in an edition, if any. */
    public Optional<Derivation> derivedFrom(long sourceId, String editionCode) {
        return jdbc.sql("""
                select id, derived_from, derived_version, derivation_followed from article
                where derived_from = ? and edition_code = ?""")
                .params(sourceId, editionCode)
                .query((rs, row) -> new Derivation(rs.getLong("id"), rs.getLong("derived_from"),
                        rs.getInt("derived_version"), rs.getBoolean("derivation_followed")))
                .optional();
    }

    /** How an article was derived, if it was. */
    public Optional<Derivation> derivationOf(long articleId) {
        return jdbc.sql("""
                select id, derived_from, derived_version, derivation_followed from article
                where id = ? and derived_from is not null""")
                .param(articleId)
                .query((rs, row) -> new Derivation(rs.getLong("id"), rs.getLong("derived_from"),
                        rs.getInt("derived_version"), rs.getBoolean("derivation_followed")))
                .optional();
    }

    public void markDerived(long articleId, long sourceId, int sourceVersion) {
        jdbc.sql("update article set derived_from = ?, derived_version = ? where id = ?")
                .params(sourceId, sourceVersion, articleId).update();
    }

    /** An editor changed a derived article: it stops following its source. True if it was following. */
    public boolean takeOver(long articleId) {
        return jdbc.sql("""
                update article set derivation_followed = false
                where id = ? and derived_from is not null and derivation_followed""")
                .param(articleId).update() > 0;
    }

    /**
     * Source articles whose derived version in {@code target} is missing, behind, or still public after the source
     * stopped being: what a catch-up must derive (articles taken over are left alone). Ids ascending.
     */
    public List<Long> sourcesBehind(String source, String target) {
        return jdbc.sql("""
                select a.id from article a
                left join article d on d.derived_from = a.id and d.edition_code = :target
                where a.edition_code = :source
                  and case when a.status = 'published' and a.deleted_at is null
                           then d.id is null or (d.derivation_followed and d.derived_version < a.version)
                           else d.id is not null and d.derivation_followed and d.status = 'published'
                                and d.deleted_at is null end
                order by a.id""")
                .param("source", source)
                .param("target", target)
                .query(Long.class).list();
    }

    public void lockSource(long sourceId) {
        // One key space per purpose: derivations lock their source article's id.
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(0x5A48, (int) sourceId).query(Object.class).single();
    }
}
