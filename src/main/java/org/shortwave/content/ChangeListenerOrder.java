package org.shortwave.content;

/**
 * The one order of the listeners of {@link ContentChanged} on each node (they run one after another on the change
 * feed's thread; each names its place with {@code @Order}). A listener that others, or the pages, read from goes
 * before those that read it:
 * <ol>
 * <li>{@link #STATE}: state others read (the editions: names, locales, calendars). An edition change reloads them
 * before any page is evicted, so a page rendered after its eviction shows the new edition, never the old one.</li>
 * <li>{@link #EVICTION}: the page cache and read model evict the change's surrogate keys and purge the shared
 * caches. Early, and nothing slow before it: readers on every node see a change within a second.</li>
 * <li>{@link #INDEX}: the search index, whose commit may take longer.</li>
 * <li>{@link #DERIVATION}: work a change sets off (the automatic Chinese version, media visibility). Each writes
 * changes of its own, which come round again.</li>
 * <li>{@link #PROGRESS}: last, the count of changes this node has acted on (the operations page).</li>
 * </ol>
 * Taxonomy has no listener of its own: the read model holds it, evicted in {@link #EVICTION} by the taxonomy key.
 */
public final class ChangeListenerOrder {

    public static final int STATE = 100;
    public static final int EVICTION = 200;
    public static final int INDEX = 300;
    public static final int DERIVATION = 400;
    public static final int PROGRESS = 500;

    private ChangeListenerOrder() {
    }
}
