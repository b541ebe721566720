package org.shortwave.editorial;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.AuditLog;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.Slugs;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Term;
import org.shortwave.i18n.Editions;
import org.shortwave.platform.Refusal;
import org.shortwave.platform.SqlStates;
import org.shortwave.platform.TextRule;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The newsroom's changes to sections, topics and people (docs/newsroom.md). Each runs in one transaction that writes
 * the change, an audit entry and a row of the change log, so that every node's page cache drops the pages showing
 * it (the section menu is on every page of the edition). Slugs are fixed once made: public addresses carry them.
 */
@Service
public class TaxonomyAdmin {

    private final Taxonomy taxonomy;
    private final Editions editions;
    private final ChangeLog changes;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    TaxonomyAdmin(Taxonomy taxonomy, Editions editions, ChangeLog changes, AuditLog audit,
            TransactionTemplate transaction) {
        this.taxonomy = taxonomy;
        this.editions = editions;
        this.changes = changes;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** A person as the newsroom types them. */
    public record PersonForm(String name, String latinName, String description) {
    }

    // ---- sections and topics ----

    public long add(Account user, Term.Kind kind, String editionCode, String slug, String name) {
        requireEdition(user, editionCode);
        String cleanSlug = slug(slug);
        String cleanName = name(name, "admin.taxonomy.invalid.name");
        return write(() -> {
            long id = taxonomy.add(kind, editionCode, cleanSlug, cleanName)
                    .orElseThrow(() -> invalid("admin.taxonomy.invalid.slug-taken"));
            changes.recordTaxonomy(kind.change(), editionCode, id);
            audit.record(user, auditName(kind) + ".created", auditName(kind), id,
                    editionCode + " " + cleanSlug + " " + cleanName);
            return id;
        });
    }

    public void rename(Account user, Term.Kind kind, String editionCode, long id, String name) {
        requireEdition(user, editionCode);
        String cleanName = name(name, "admin.taxonomy.invalid.name");
        write(() -> {
            String before = taxonomy.term(kind, editionCode, id).map(Term::name).orElseThrow(TaxonomyAdmin::notFound);
            taxonomy.rename(kind, editionCode, id, cleanName);
            changes.recordTaxonomy(kind.change(), editionCode, id);
            audit.record(user, auditName(kind) + ".renamed", auditName(kind), id, before + " -> " + cleanName);
            return id;
        });
    }

    /** Moves a section one place up ({@code "up"}) or down ({@code "down"}) in the edition's menu. */
    public void moveSection(Account user, String editionCode, long id, String direction) {
        requireEdition(user, editionCode);
        int step = switch (direction == null ? "" : direction) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw invalid("admin.taxonomy.invalid.direction");
        };
        write(() -> {
            if (!taxonomy.moveSection(editionCode, id, step)) {
                throw notFound();
            }
            changes.recordTaxonomy(ChangeKind.SECTION_CHANGED, editionCode, id);
            audit.record(user, "section.moved", "section", id, direction);
            return id;
        });
    }

    /** Removes a section or topic no article uses (even a deleted one); one in use is refused as a conflict. */
    public void remove(Account user, Term.Kind kind, String editionCode, long id) {
        requireEdition(user, editionCode);
        write(() -> {
            String name = taxonomy.term(kind, editionCode, id).map(t -> t.slug() + " " + t.name()).orElse("");
            switch (taxonomy.remove(kind, editionCode, id)) {
                case NOT_FOUND -> throw notFound();
                case IN_USE -> throw inUse();
                case REMOVED -> { }
            }
            changes.recordTaxonomy(kind.change(), editionCode, id);
            audit.record(user, auditName(kind) + ".removed", auditName(kind), id, editionCode + " " + name);
            return id;
        });
    }

    /** {@code section} or {@code topic}: the audit log's word for it. */
    private static String auditName(Term.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    // ---- people ----

    public long addPerson(Account user, PersonForm form) {
        requirePeople(user);
        PersonForm clean = person(form);
        return write(() -> {
            long id = taxonomy.addPerson(clean.name(), clean.latinName(), clean.description());
            changes.recordTaxonomy(ChangeKind.PERSON_CHANGED, null, id);
            audit.record(user, "person.created", "person", id, clean.name());
            return id;
        });
    }

    public void updatePerson(Account user, long id, PersonForm form) {
        requirePeople(user);
        PersonForm clean = person(form);
        write(() -> {
            if (!taxonomy.updatePerson(id, clean.name(), clean.latinName(), clean.description())) {
                throw notFound();
            }
            changes.recordTaxonomy(ChangeKind.PERSON_CHANGED, null, id);
            audit.record(user, "person.changed", "person", id, clean.name());
            return id;
        });
    }

    // ---- rules ----

    private void requireEdition(Account user, String editionCode) {
        if (!Permissions.mayManageTaxonomy(user, editionCode)) {
            throw notAllowed();
        }
        if (editions.find(editionCode).isEmpty()) {
            throw notFound();
        }
    }

    private static void requirePeople(Account user) {
        if (!Permissions.mayManagePeople(user)) {
            throw notAllowed();
        }
    }

    /** The user may not change this edition's sections and topics, or people. */
    static Refusal notAllowed() {
        return new Refusal(Refusal.Kind.NOT_ALLOWED, null, "editor.not-allowed");
    }

    private static String slug(String slug) {
        String clean = slug == null ? "" : slug.strip();
        if (!Taxonomy.isValidSlug(clean)) {
            throw invalid("admin.taxonomy.invalid.slug");
        }
        if (Slugs.isOnlyMarks(clean)) {
            throw invalid("slug.invalid.marks-only");
        }
        return clean;
    }

    /** A one-line text of 1 to the limit's characters (code points), with no control characters. */
    private static String name(String name, String messageKey) {
        String clean = text(name, Taxonomy.NAME_MAX, messageKey);
        if (clean == null) {
            throw invalid(messageKey);
        }
        return clean;
    }

    private static PersonForm person(PersonForm form) {
        String name = text(form.name(), Taxonomy.PERSON_NAME_MAX, "admin.people.invalid.name");
        if (name == null) {
            throw invalid("admin.people.invalid.name");
        }
        return new PersonForm(name,
                text(form.latinName(), Taxonomy.PERSON_LATIN_NAME_MAX, "admin.people.invalid.latin-name"),
                text(form.description(), Taxonomy.PERSON_DESCRIPTION_MAX, "admin.people.invalid.description"));
    }

    /**
     * The stripped text, or null when empty; refused when too long, on more than one line, or holding what the
     * articles' text refuses too (platform.TextRule: a section name is on every page).
     */
    private static String text(String value, int max, String messageKey) {
        String clean = value == null ? "" : value.strip();
        if (clean.codePointCount(0, clean.length()) > max || clean.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid(messageKey);
        }
        if (TextRule.check(clean) != null) {
            throw invalid(messageKey);
        }
        return clean.isEmpty() ? null : clean;
    }

    private static Refusal notFound() {
        return new Refusal(Refusal.Kind.NOT_FOUND, null, "admin.taxonomy.not-found");
    }

    private static Refusal inUse() {
        return new Refusal(Refusal.Kind.CONFLICT, null, "admin.taxonomy.in-use");
    }

    private static Refusal invalid(String messageKey) {
        return new Refusal(Refusal.Kind.INVALID, null, messageKey);
    }

    private long write(LongSupplier work) {
        try {
            Long id = transaction.execute(status -> work.getAsLong());
            return id == null ? 0 : id;
        } catch (DataIntegrityViolationException e) {
            // The schema's own checks: an article filed under it meanwhile (a foreign key), or a slug its pattern
            // refuses (a check).
            if (SqlStates.is(e, SqlStates.FOREIGN_KEY_VIOLATION)) {
                throw inUse();
            }
            throw invalid("admin.taxonomy.invalid.slug");
        }
    }
}
