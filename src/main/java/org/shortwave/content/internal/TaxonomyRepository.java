package org.shortwave.content.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shortwave.content.Person;
import org.shortwave.content.Section;
import org.shortwave.content.Term;
import org.shortwave.content.Topic;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for sections, topics and people. */
@Repository
public class TaxonomyRepository {

    private final JdbcClient jdbc;

    TaxonomyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Section> sections(String editionCode) {
        return jdbc.sql("select id, edition_code, slug, name from section where edition_code = ? order by position, id")
                .param(editionCode)
                .query(Section.class).list();
    }

    public Optional<Section> section(String editionCode, long id) {
        return jdbc.sql("select id, edition_code, slug, name from section where edition_code = ? and id = ?")
                .params(editionCode, id)
                .query(Section.class).optional();
    }

    public List<Topic> topics(String editionCode) {
        return jdbc.sql("select id, edition_code, slug, name from topic where edition_code = ? order by name")
                .param(editionCode).query(Topic.class).list();
    }

    public List<Person> people() {
        return jdbc.sql("select id, name, latin_name, description from person order by name limit 1000")
                .query(Person.class).list();
    }

    public Optional<Topic> topic(String editionCode, long id) {
        return jdbc.sql("select id, edition_code, slug, name from topic where edition_code = ? and id = ?")
                .params(editionCode, id)
                .query(Topic.class).optional();
    }

    /** The id of a section or topic that was there already, or was just added. */
    public record Ensured(long id, boolean added) {
    }

    public Ensured insertSectionIfMissing(String editionCode, String slug, String name, int position) {
        int added = jdbc.sql("""
                insert into section (edition_code, slug, name, position) values (?, ?, ?, ?)
                on conflict (edition_code, slug) do nothing""")
                .params(editionCode, slug, name, position).update();
        return new Ensured(jdbc.sql("select id from section where edition_code = ? and slug = ?")
                .params(editionCode, slug).query(Long.class).single(), added > 0);
    }

    public Ensured insertTopicIfMissing(String editionCode, String slug, String name) {
        int added = jdbc.sql(
                "insert into topic (edition_code, slug, name) values (?, ?, ?) on conflict (edition_code, slug) do nothing")
                .params(editionCode, slug, name).update();
        return new Ensured(jdbc.sql("select id from topic where edition_code = ? and slug = ?")
                .params(editionCode, slug).query(Long.class).single(), added > 0);
    }

    public long insertPersonIfMissing(String sourceKey, String name, String latinName, String description) {
        jdbc.sql("""
                insert into person (source_key, name, latin_name, description) values (?, ?, ?, ?)
                on conflict (source_key) do nothing""")
                .params(sourceKey, name, latinName, description).update();
        return jdbc.sql("select id from person where source_key = ?").param(sourceKey).query(Long.class).single();
    }

    public Optional<Person> person(long id) {
        return jdbc.sql("select id, name, latin_name, description from person where id = ?")
                .param(id).query(Person.class).optional();
    }

    /** Adds a section at the end of the edition's menu; empty when the edition has one with that slug. */
    public Optional<Long> insertSection(String editionCode, String slug, String name) {
        return jdbc.sql("""
                insert into section (edition_code, slug, name, position)
                values (:edition, :slug, :name,
                        (select coalesce(max(position), 0) + 10 from section where edition_code = :edition))
                on conflict (edition_code, slug) do nothing
                returning id""")
                .param("edition", editionCode).param("slug", slug).param("name", name)
                .query(Long.class).optional();
    }

    /** Renames a section or topic of the edition; 1 if it was there. */
    public int rename(Term.Kind kind, String editionCode, long id, String name) {
        String sql = switch (kind) {
            case SECTION -> "update section set name = ? where edition_code = ? and id = ?";
            case TOPIC -> "update topic set name = ? where edition_code = ? and id = ?";
        };
        return jdbc.sql(sql).params(name, editionCode, id).update();
    }

    public int delete(Term.Kind kind, String editionCode, long id) {
        String sql = switch (kind) {
            case SECTION -> "delete from section where edition_code = ? and id = ?";
            case TOPIC -> "delete from topic where edition_code = ? and id = ?";
        };
        return jdbc.sql(sql).params(editionCode, id).update();
    }

    /** Articles filed in the section or tagged with the topic, deleted ones included (they still point at it). */
    public long articlesUsing(Term.Kind kind, long id) {
        String sql = switch (kind) {
            case SECTION -> "select count(*) from article where section_id = ?";
            case TOPIC -> "select count(*) from article_topic where topic_id = ?";
        };
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    /** The edition's section ids in menu order, locked until the transaction ends (two moves at once queue up). */
    public List<Long> lockSections(String editionCode) {
        return jdbc.sql("select id from section where edition_code = ? order by position, id for update")
                .param(editionCode).query(Long.class).list();
    }

    public void positionSection(long id, int position) {
        jdbc.sql("update section set position = ? where id = ?").params(position, id).update();
    }

    public Optional<Long> insertTopic(String editionCode, String slug, String name) {
        return jdbc.sql("""
                insert into topic (edition_code, slug, name) values (?, ?, ?)
                on conflict (edition_code, slug) do nothing
                returning id""")
                .params(editionCode, slug, name).query(Long.class).optional();
    }

    public long insertPerson(String name, String latinName, String description) {
        return jdbc.sql("insert into person (name, latin_name, description) values (?, ?, ?) returning id")
                .params(name, latinName, description).query(Long.class).single();
    }

    public int updatePerson(long id, String name, String latinName, String description) {
        return jdbc.sql("update person set name = ?, latin_name = ?, description = ? where id = ?")
                .params(name, latinName, description, id).update();
    }

    /** The published, not deleted articles that name the person as an author: the pages that show their name. */
    public List<Long> publishedArticlesBy(long personId) {
        return jdbc.sql("""
                select a.id from article_author aa join article a on a.id = aa.article_id
                where aa.person_id = ? and a.status = 'published' and a.deleted_at is null""")
                .param(personId).query(Long.class).list();
    }

    /** How many articles (deleted ones included) each of the edition's sections holds. */
    public Map<Long, Long> sectionUse(String editionCode) {
        Map<Long, Long> use = new HashMap<>();
        jdbc.sql("""
                select s.id, count(a.id) as n from section s left join article a on a.section_id = s.id
                where s.edition_code = ? group by s.id""")
                .param(editionCode).query((rs, row) -> use.put(rs.getLong("id"), rs.getLong("n"))).list();
        return use;
    }

    /** How many articles (deleted ones included) each of the edition's topics tags. */
    public Map<Long, Long> topicUse(String editionCode) {
        Map<Long, Long> use = new HashMap<>();
        jdbc.sql("""
                select t.id, count(at.article_id) as n from topic t left join article_topic at on at.topic_id = t.id
                where t.edition_code = ? group by t.id""")
                .param(editionCode).query((rs, row) -> use.put(rs.getLong("id"), rs.getLong("n"))).list();
        return use;
    }
}
