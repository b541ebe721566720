package org.shortwave.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The search index compared with the database: counts, and the ids only one side has (at most
 * {@link #MAX_LISTED} of each). {@code healthy} when both hold exactly the same ids.
 */
public record IndexHealth(boolean healthy, int databaseCount, int indexCount, List<Long> missingFromIndex,
        List<Long> notPublic, long appliedSeq, long latestSeq) {

    static final int MAX_LISTED = 100;

    static IndexHealth compare(List<Long> publicIds, List<Long> indexIds, long appliedSeq, long latestSeq) {
        Set<Long> inIndex = new HashSet<>(indexIds);
        Set<Long> inDatabase = new HashSet<>(publicIds);
        List<Long> missing = publicIds.stream().filter(id -> !inIndex.contains(id)).limit(MAX_LISTED).toList();
        List<Long> extra = indexIds.stream().filter(id -> !inDatabase.contains(id)).limit(MAX_LISTED).toList();
        boolean healthy = missing.isEmpty() && extra.isEmpty() && publicIds.size() == indexIds.size();
        return new IndexHealth(healthy, publicIds.size(), indexIds.size(), missing, extra, appliedSeq, latestSeq);
    }
}
