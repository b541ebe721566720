package org.shortwave.content.internal;

import java.util.List;
import java.util.Optional;
import org.shortwave.content.Person;
import org.shortwave.content.Section;
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

    public long insertSectionIfMissing(String editionCode, String slug, String name, int position) {
        jdbc.sql("""
                insert into section (edition_code, slug, name, position) values (?, ?, ?, ?)
                on conflict (edition_code, slug) do nothing""")
                .params(editionCode, slug, name, position).update();
        return jdbc.sql("select id from section where edition_code = ? and slug = ?")
                .params(editionCode, slug).query(Long.class).single();
    }

    public long insertTopicIfMissing(String editionCode, String slug, String name) {
        jdbc.sql("insert into topic (edition_code, slug, name) values (?, ?, ?) on conflict (edition_code, slug) do nothing")
                .params(editionCode, slug, name).update();
        return jdbc.sql("select id from topic where edition_code = ? and slug = ?")
                .params(editionCode, slug).query(Long.class).single();
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
}
