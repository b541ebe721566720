package org.shortwave.editorial;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shortwave.accounts.AuditLog;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.Block;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeListenerOrder;
import org.shortwave.content.ContentChanged;
import org.shortwave.content.Derivation;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.shortwave.content.Translations;
import org.shortwave.i18n.ChineseConverter;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a derived edition (zh-hant, {@code edition.derived_from = 'zh-hans'}) in step with its source: when a source
 * article is published its converted version is created, published with the same times and linked as its
 * translation; when the source changes it is converted again and republished; when the source is unpublished or
 * deleted, so is it. An editor who edits or unpublishes a derived article takes it over: it no longer follows.
 *
 * <p>Driven by the change log, which reaches every node at least once. Each derivation runs in one transaction under
 * an advisory lock on the source article and compares the source's version with the one last converted, so however
 * many nodes and deliveries there are, each source version is converted once (a unique index on
 * {@code (derived_from, edition_code)} backs this up).
 */
@Service
public class ChineseDerivation {

    private static final Logger log = LoggerFactory.getLogger(ChineseDerivation.class);

    private final Editions editions;
    private final NewsroomArticles articles;
    private final Translations translations;
    private final Taxonomy taxonomy;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    ChineseDerivation(Editions editions, NewsroomArticles articles, Translations translations, Taxonomy taxonomy,
            AuditLog audit, TransactionTemplate transaction) {
        this.editions = editions;
        this.articles = articles;
        this.translations = translations;
        this.taxonomy = taxonomy;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** What one derivation did. */
    public enum Outcome {
        CREATED, UPDATED, UNPUBLISHED, UNCHANGED, TAKEN_OVER, NOT_PUBLISHED,
        /** The story already has a version in the target edition that people wrote (linked by an editor). */
        HAS_VERSION
    }

    @EventListener
    @Order(ChangeListenerOrder.DERIVATION)
    void on(ContentChanged change) {
        try {
            if (change.kind() == ChangeKind.EDITION_CHANGED) {
                catchUp(); // an edition may just have become derived
            } else if (change.articleId() != null && change.editionCode() != null
                    && change.kind() != ChangeKind.LISTS_CHANGED) {
                for (Edition target : targetsOf(change.editionCode())) {
                    derive(change.articleId(), target);
                }
            }
        } catch (RuntimeException e) {
            // The change feed must go on; the next change of the source or the next start catches up.
            log.warn("Derivation after change {} failed: {}", change.seq(), e.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("Derivation catch-up failed: {}", e.toString());
        }
    }

    /**
     * Derives every source article whose derived version is missing or behind, and unpublishes those whose source is
     * no longer public. Returns how many were created or updated.
     */
    public int catchUp() {
        int changed = 0;
        for (Edition target : editions.all()) {
            if (target.derivedFrom() == null) {
                continue;
            }
            for (long sourceId : translations.sourcesBehind(target.derivedFrom(), target.code())) {
                Outcome outcome = derive(sourceId, target);
                if (outcome == Outcome.CREATED || outcome == Outcome.UPDATED) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Brings the derived version of one source article in one target edition up to date. */
    public Outcome derive(long sourceId, Edition target) {
        return transaction.execute(status -> {
            translations.lockSource(sourceId);
            Optional<EditableArticle> source = articles.find(sourceId)
                    .filter(a -> a.content().editionCode().equals(target.derivedFrom()));
            Optional<Derivation> existing = translations.derivedFrom(sourceId, target.code());
            if (existing.isPresent() && !existing.get().followed()) {
                return Outcome.TAKEN_OVER;
            }
            boolean sourcePublished = source.isPresent() && source.get().status() == ArticleStatus.PUBLISHED;
            if (!sourcePublished) {
                return existing.map(d -> unpublish(d.articleId())).orElse(Outcome.NOT_PUBLISHED);
            }
            EditableArticle from = source.get();
            if (existing.isEmpty()) {
                boolean written = translations.versions(sourceId).stream()
                        .anyMatch(v -> v.editionCode().equals(target.code()));
                return written ? Outcome.HAS_VERSION : create(from, target);
            }
            Derivation derivation = existing.get();
            if (derivation.sourceVersion() >= from.version()) {
                return Outcome.UNCHANGED;
            }
            return update(from, derivation, target);
        });
    }

    private Outcome create(EditableArticle source, Edition target) {
        ArticleContent content = convert(source.content(), target);
        long id = articles.createDraft(content, null);
        translations.markDerived(id, source.id(), source.version());
        translations.link(source.id(), id);
        articles.changeState(id, 1, ArticleStatus.PUBLISHED, source.publishedAt(), source.embargoUntil(), null);
        audit.record(null, "article.derived", "article", id, "from article " + source.id() + " version "
                + source.version());
        return Outcome.CREATED;
    }

    private Outcome update(EditableArticle source, Derivation derivation, Edition target) {
        EditableArticle derived = articles.find(derivation.articleId()).orElse(null);
        if (derived == null) {
            return Outcome.UNCHANGED; // deleted: nothing to follow into
        }
        ArticleContent content = convert(source.content(), target);
        int version = derived.version();
        if (!content.equals(derived.content())) {
            version = articles.save(derived.id(), version, content, null).orElseThrow();
        }
        boolean sameState = derived.status() == ArticleStatus.PUBLISHED
                && derived.publishedAt().equals(source.publishedAt())
                && java.util.Objects.equals(derived.embargoUntil(), source.embargoUntil());
        if (!sameState) {
            articles.changeState(derived.id(), version, ArticleStatus.PUBLISHED, source.publishedAt(),
                    source.embargoUntil(), null);
        }
        translations.markDerived(derived.id(), source.id(), source.version());
        audit.record(null, "article.rederived", "article", derived.id(), "from article " + source.id()
                + " version " + source.version());
        return Outcome.UPDATED;
    }

    private Outcome unpublish(long derivedId) {
        EditableArticle derived = articles.find(derivedId).orElse(null);
        if (derived == null || derived.status() != ArticleStatus.PUBLISHED) {
            return Outcome.UNCHANGED;
        }
        articles.changeState(derivedId, derived.version(), ArticleStatus.UNPUBLISHED, derived.publishedAt(), null,
                null);
        audit.record(null, "article.unpublished-with-source", "article", derivedId, null);
        return Outcome.UNPUBLISHED;
    }

    private List<Edition> targetsOf(String sourceEdition) {
        return editions.all().stream().filter(e -> sourceEdition.equals(e.derivedFrom())).toList();
    }

    /** The source's content in the target edition: converted text, the target's sections and topics by slug. */
    ArticleContent convert(ArticleContent source, Edition target) {
        String from = source.editionCode();
        Section section = taxonomy.section(from, source.sectionId()).orElseThrow();
        List<Section> sourceSections = taxonomy.sections(from);
        long sectionId = taxonomy.ensureSection(target.code(), section.slug(), ChineseConverter.toTraditional(
                section.name()), sourceSections.indexOf(section));
        List<Long> topicIds = new ArrayList<>();
        for (long topicId : source.topicIds()) {
            Topic topic = taxonomy.topic(from, topicId).orElseThrow();
            topicIds.add(taxonomy.ensureTopic(target.code(), topic.slug(),
                    ChineseConverter.toTraditional(topic.name())));
        }
        List<Block> body = source.body().stream().map(ChineseDerivation::convert).toList();
        return new ArticleContent(target.code(), sectionId, t(source.headline()), t(source.slug()), t(source.lead()),
                t(source.dateline()), body, source.mainImageId(), source.authorIds(), topicIds,
                target.copyrightHolder());
    }

    private static Block convert(Block block) {
        return switch (block) {
            case Block.Paragraph p -> new Block.Paragraph(html(p.text()));
            case Block.Heading h -> new Block.Heading(t(h.text()), h.level());
            case Block.Quote q -> new Block.Quote(t(q.text()), t(q.attribution()));
            case Block.Image i -> new Block.Image(i.mediaId(), t(i.caption()), t(i.credit()));
            case Block.ListBlock l -> new Block.ListBlock(l.ordered(), l.items().stream().map(ChineseDerivation::html)
                    .toList());
            case Block.Video v -> v;
            case Block.Divider d -> d;
        };
    }

    /** Inline HTML converted as text: tags and entities are ASCII, which the converter leaves alone. */
    private static InlineHtml html(InlineHtml html) {
        return InlineHtml.sanitize(ChineseConverter.toTraditional(html.html()));
    }

    private static String t(String text) {
        return ChineseConverter.toTraditional(text);
    }
}
