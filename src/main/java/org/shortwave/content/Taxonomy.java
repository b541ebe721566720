package org.shortwave.content;

import java.util.List;
import java.util.Optional;
import org.shortwave.content.internal.TaxonomyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How an edition's stories are organised: sections (the main menu), topics, and the people who write them. */
@Service
public class Taxonomy {

    private final TaxonomyRepository repository;

    Taxonomy(TaxonomyRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public List<Section> sections(String editionCode) {
        return repository.sections(editionCode);
    }

    @Transactional(readOnly = true)
    public Optional<Section> section(String editionCode, long id) {
        return repository.section(editionCode, id);
    }

    @Transactional(readOnly = true)
    public Optional<Topic> topic(String editionCode, long id) {
        return repository.topic(editionCode, id);
    }

    @Transactional(readOnly = true)
    public List<Topic> topics(String editionCode) {
        return repository.topics(editionCode);
    }

    @Transactional(readOnly = true)
    public List<Person> people() {
        return repository.people();
    }

    /** Adds a section unless the edition has one with that slug; returns its id either way. */
    @Transactional
    public long ensureSection(String editionCode, String slug, String name, int position) {
        requireSlug(slug);
        return repository.insertSectionIfMissing(editionCode, slug, name, position);
    }

    @Transactional
    public long ensureTopic(String editionCode, String slug, String name) {
        requireSlug(slug);
        return repository.insertTopicIfMissing(editionCode, slug, name);
    }

    /** Adds a person under a stable key unless one exists; returns its id either way. */
    @Transactional
    public long ensurePerson(String key, String name, String latinName, String description) {
        return repository.insertPersonIfMissing(key, name, latinName, description);
    }

    private static void requireSlug(String slug) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("slug '" + slug + "' is not a valid slug");
        }
    }
}
