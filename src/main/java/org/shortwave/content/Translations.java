package org.shortwave.content;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.shortwave.content.internal.NewsroomArticleRepository;
import org.shortwave.content.internal.TranslationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Language versions of one story: articles in different editions linked into one translation group (at most one
 * per edition). The public sees only the versions {@link Visibility} allows; links are written with a change-log
 * entry for every article whose page changes (its hreflang and version links). Who may link is decided by the
 * editorial workflow.
 */
@Service
public class Translations {

    private final TranslationRepository repository;
    private final NewsroomArticleRepository articles;
    private final ChangeLog changes;
    private final Clock clock;

    Translations(TranslationRepository repository, NewsroomArticleRepository articles, ChangeLog changes,
            Clock clock) {
        this.repository = repository;
        this.articles = articles;
        this.changes = changes;
        this.clock = clock;
    }

    /** Why two articles cannot be linked. */
    public static final class InvalidLinkException extends IllegalArgumentException {
        public InvalidLinkException(String message) {
            super(message);
        }
    }

    /** Every version of the story, itself included, in any state (newsroom). */
    @Transactional(readOnly = true)
    public List<StoryVersion> versions(long articleId) {
        return repository.group(articleId);
    }

    @Transactional(readOnly = true)
    public Optional<Derivation> derivation(long articleId) {
        return repository.derivationOf(articleId);
    }

    /**
     * Links two articles as versions of one story; their groups merge. Refused when they are in the same edition,
     * or when the merged story would have two versions in one edition.
     */
    @Transactional
    public void link(long articleId, long otherId) {
        EditableArticle a = articles.find(articleId).filter(x -> !x.deleted())
                .orElseThrow(() -> new InvalidLinkException("no article " + articleId));
        EditableArticle b = articles.find(otherId).filter(x -> !x.deleted())
                .orElseThrow(() -> new InvalidLinkException("no article " + otherId));
        if (a.content().editionCode().equals(b.content().editionCode())) {
            throw new InvalidLinkException("both articles are in edition " + a.content().editionCode());
        }
        // Two links at once (an editor's and the derivation's) must see each other's groups: lock both rows first.
        repository.lockRows(articleId, otherId);
        Long groupA = repository.groupOf(articleId).orElse(null);
        Long groupB = repository.groupOf(otherId).orElse(null);
        if (groupA != null && groupA.equals(groupB)) {
            return; // linked already
        }
        List<String> editionsA = groupA == null ? List.of(a.content().editionCode())
                : withSelf(repository.editionsIn(groupA, articleId), a);
        List<String> editionsB = groupB == null ? List.of(b.content().editionCode())
                : withSelf(repository.editionsIn(groupB, otherId), b);
        if (editionsA.stream().anyMatch(editionsB::contains)) {
            throw new InvalidLinkException("the story would have two versions in one edition");
        }
        long group = groupA != null ? groupA : groupB != null ? groupB : articleId;
        if (groupA == null) {
            repository.setGroup(articleId, group);
        }
        if (groupB == null) {
            repository.setGroup(otherId, group);
        } else if (groupB != group) {
            repository.mergeGroup(groupB, group);
        }
        recordGroupChanged(articleId);
    }

    /** Takes an article out of its story's versions (the others stay linked to one another). */
    @Transactional
    public void unlink(long articleId) {
        List<StoryVersion> before = repository.group(articleId);
        Long group = repository.groupOf(articleId).orElse(null);
        repository.setGroup(articleId, null);
        // A group is named after one of its members (link). When the namesake leaves, the rest are renamed after
        // one of them, or a later group the namesake starts would take in this one's versions too.
        if (group != null && group == articleId) {
            repository.renameAfterAMember(group);
        }
        for (StoryVersion v : before) {
            changes.record(ChangeKind.LISTS_CHANGED, v.id(), v.editionCode());
        }
    }

    /** Marks a derived article as taken over by an editor; true if it was following its source. */
    @Transactional
    public boolean takeOver(long articleId) {
        return repository.takeOver(articleId);
    }

    // What the automatic derivation (editorial.ChineseDerivation) needs; always inside its transaction.

    /** Serializes derivations from one source article across nodes, until the transaction ends. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockSource(long sourceId) {
        repository.lockSource(sourceId);
    }

    @Transactional(readOnly = true)
    public Optional<Derivation> derivedFrom(long sourceId, String editionCode) {
        return repository.derivedFrom(sourceId, editionCode);
    }

    /** Records that an article is (now) converted from {@code sourceId} at {@code sourceVersion}. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void markDerived(long articleId, long sourceId, int sourceVersion) {
        repository.markDerived(articleId, sourceId, sourceVersion);
    }

    /** Source articles whose derived version is missing, behind or public when it should not be (catch-up). */
    @Transactional(readOnly = true)
    public List<Long> sourcesBehind(String sourceEdition, String targetEdition) {
        return repository.sourcesBehind(sourceEdition, targetEdition);
    }

    private void recordGroupChanged(long articleId) {
        for (StoryVersion v : repository.group(articleId)) {
            changes.record(ChangeKind.LISTS_CHANGED, v.id(), v.editionCode());
        }
    }

    private static List<String> withSelf(List<String> editions, EditableArticle self) {
        List<String> all = new java.util.ArrayList<>(editions);
        all.add(self.content().editionCode());
        return all;
    }
}
