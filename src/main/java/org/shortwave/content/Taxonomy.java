package org.shortwave.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shortwave.content.internal.TaxonomyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How an edition's stories are organised: sections (the main menu), topics, and the people who write them. */
@Service
public class Taxonomy {

    /** Longest section or topic slug and name (the schema's limits). */
    public static final int SLUG_MAX = 80;
    public static final int NAME_MAX = 80;
    /** Longest person name, Latin-script name and description. */
    public static final int PERSON_NAME_MAX = 200;
    public static final int PERSON_LATIN_NAME_MAX = 200;
    public static final int PERSON_DESCRIPTION_MAX = 300;

    /** What a removal found. */
    public enum Removal { REMOVED, NOT_FOUND, IN_USE }

    private final TaxonomyRepository repository;
    private final ChangeLog changes;

    Taxonomy(TaxonomyRepository repository, ChangeLog changes) {
        this.changes = changes;
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

    /**
     * Adds a section unless the edition has one with that slug; returns its id either way. An added section goes
     * through the change log (the section menu of every page of the edition shows it).
     */
    @Transactional
    public long ensureSection(String editionCode, String slug, String name, int position) {
        requireSlug(slug);
        return announced(ChangeKind.SECTION_CHANGED, editionCode,
                repository.insertSectionIfMissing(editionCode, slug, name, position));
    }

    @Transactional
    public long ensureTopic(String editionCode, String slug, String name) {
        requireSlug(slug);
        return announced(ChangeKind.TOPIC_CHANGED, editionCode,
                repository.insertTopicIfMissing(editionCode, slug, name));
    }

    private long announced(ChangeKind kind, String editionCode, TaxonomyRepository.Ensured ensured) {
        if (ensured.added()) {
            changes.recordTaxonomy(kind, editionCode, ensured.id());
        }
        return ensured.id();
    }

    /** Adds a person under a stable key unless one exists; returns its id either way. */
    @Transactional
    public long ensurePerson(String key, String name, String latinName, String description) {
        return repository.insertPersonIfMissing(key, name, latinName, description);
    }

    @Transactional(readOnly = true)
    public Optional<Person> person(long id) {
        return repository.person(id);
    }

    /** Section id to the number of articles it holds (deleted ones included): a section holding any stays. */
    @Transactional(readOnly = true)
    public Map<Long, Long> sectionUse(String editionCode) {
        return repository.sectionUse(editionCode);
    }

    /** Topic id to the number of articles it tags. */
    @Transactional(readOnly = true)
    public Map<Long, Long> topicUse(String editionCode) {
        return repository.topicUse(editionCode);
    }

    /** Whether a slug may name a section or topic: the slug rules, within the schema's length. */
    public static boolean isValidSlug(String slug) {
        return Slugs.isValid(slug) && slug.length() <= SLUG_MAX;
    }

    /** The edition's sections (in menu order) or topics. */
    @Transactional(readOnly = true)
    public List<? extends Term> terms(Term.Kind kind, String editionCode) {
        return kind == Term.Kind.SECTION ? sections(editionCode) : topics(editionCode);
    }

    @Transactional(readOnly = true)
    public Optional<? extends Term> term(Term.Kind kind, String editionCode, long id) {
        return kind == Term.Kind.SECTION ? section(editionCode, id) : topic(editionCode, id);
    }

    /** Term id to the number of articles using it (deleted ones included): a term in use stays. */
    @Transactional(readOnly = true)
    public Map<Long, Long> use(Term.Kind kind, String editionCode) {
        return kind == Term.Kind.SECTION ? sectionUse(editionCode) : topicUse(editionCode);
    }

    /**
     * Adds a section (at the end of the edition's menu) or a topic; empty when its slug is taken in the edition.
     */
    @Transactional
    public Optional<Long> add(Term.Kind kind, String editionCode, String slug, String name) {
        requireSlug(slug);
        return kind == Term.Kind.SECTION ? repository.insertSection(editionCode, slug, name)
                : repository.insertTopic(editionCode, slug, name);
    }

    /** Renames a section or topic; false when the edition has no such one. The slug never changes. */
    @Transactional
    public boolean rename(Term.Kind kind, String editionCode, long id, String name) {
        return repository.rename(kind, editionCode, id, name) == 1;
    }

    /**
     * Moves a section one place up ({@code -1}) or down ({@code 1}) in the edition's menu, numbering the menu
     * 10, 20, 30... on the way (positions from older data may tie). False when the edition has no such section; a
     * move past either end changes nothing.
     */
    @Transactional
    public boolean moveSection(String editionCode, long id, int step) {
        List<Long> order = new ArrayList<>(repository.lockSections(editionCode));
        int at = order.indexOf(id);
        if (at < 0) {
            return false;
        }
        int to = at + Integer.signum(step);
        if (to >= 0 && to < order.size()) {
            Collections.swap(order, at, to);
        }
        for (int i = 0; i < order.size(); i++) {
            repository.positionSection(order.get(i), (i + 1) * 10);
        }
        return true;
    }

    /** Removes a section or topic that no article uses (not even a deleted one); one in use stays. */
    @Transactional
    public Removal remove(Term.Kind kind, String editionCode, long id) {
        if (term(kind, editionCode, id).isEmpty()) {
            return Removal.NOT_FOUND;
        }
        if (repository.articlesUsing(kind, id) > 0) {
            return Removal.IN_USE;
        }
        return repository.delete(kind, editionCode, id) == 1 ? Removal.REMOVED : Removal.NOT_FOUND;
    }

    @Transactional
    public long addPerson(String name, String latinName, String description) {
        return repository.insertPerson(name, latinName, description);
    }

    /** Changes a person's names and description; false when there is no such person. */
    @Transactional
    public boolean updatePerson(long id, String name, String latinName, String description) {
        return repository.updatePerson(id, name, latinName, description) == 1;
    }

    /** The public articles bylined to a person: the pages that show their name. */
    @Transactional(readOnly = true)
    public List<Long> publishedArticlesBy(long personId) {
        return repository.publishedArticlesBy(personId);
    }

    private static void requireSlug(String slug) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("slug '" + slug + "' is not a valid slug");
        }
    }
}
