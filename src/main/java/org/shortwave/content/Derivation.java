package org.shortwave.content;

/**
 * A derived article: converted automatically from {@code sourceId} (last from its version {@code sourceVersion}),
 * following the source until an editor takes it over ({@code followed} false).
 */
public record Derivation(long articleId, long sourceId, int sourceVersion, boolean followed) {
}
