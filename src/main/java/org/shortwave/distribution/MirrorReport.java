package org.shortwave.distribution;

import java.util.List;

/** What an export did: files written (new or changed), left as they were, and removed (no longer published). */
public record MirrorReport(List<String> editions, int written, int unchanged, int removed) {
}
