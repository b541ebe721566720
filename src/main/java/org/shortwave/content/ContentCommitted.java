package org.shortwave.content;

/**
 * A change as the node that wrote it learns of it: published in the writing thread right after the transaction
 * commits, before the change feed brings the same {@link ContentChanged} to every node (this one included). For
 * listeners that must let the writer read its own write at once (the page cache); others follow the change feed.
 */
public record ContentCommitted(ContentChanged change) {
}
