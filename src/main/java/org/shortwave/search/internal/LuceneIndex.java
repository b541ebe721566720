package org.shortwave.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * One Lucene index on disk: the public articles, and in each commit's user data the last change-log seq whose
 * effects it holds. Writes become visible to searches at {@link #commit}.
 */
public final class LuceneIndex implements Closeable {

    static final String APPLIED_SEQ = "shortwave.applied-seq";

    private final Path directory;
    private final LanguageAnalyzers analyzers;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long appliedSeq;
    /** Moves after every commit has become searchable: what was read from an older state may be out of date. */
    private final AtomicLong generation = new AtomicLong();

    private LuceneIndex(Path directory, LanguageAnalyzers analyzers, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.analyzers = analyzers;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.appliedSeq = readAppliedSeq(writer);
    }

    /** Opens (or creates) the index in {@code directory}. Only one instance may hold a directory at a time. */
    public static LuceneIndex open(Path directory, LanguageAnalyzers analyzers) {
        try {
            Files.createDirectories(directory);
            IndexWriterConfig config = new IndexWriterConfig(analyzers.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false);
            return new LuceneIndex(directory, analyzers, new IndexWriter(FSDirectory.open(directory), config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + directory, e);
        }
    }

    /** The seq recorded by the last commit, -1 if the index was never completely built. */
    public long appliedSeq() {
        return appliedSeq;
    }

    /**
     * Counts the commits since the index was opened. A search that read this value before it began saw at least that
     * state (the count moves after the searcher is refreshed).
     */
    public long generation() {
        return generation.get();
    }

    public Path directory() {
        return directory;
    }

    public LanguageAnalyzers analyzers() {
        return analyzers;
    }

    public void put(long articleId, Document document) {
        io(() -> writer.updateDocument(ArticleDocuments.idTerm(articleId), document));
    }

    public void remove(long articleId) {
        io(() -> writer.deleteDocuments(ArticleDocuments.idTerm(articleId)));
    }

    public void removeAll() {
        io(writer::deleteAll);
    }

    /** Makes the writes so far durable and searchable, recording that they include every change up to {@code seq}. */
    public synchronized void commit(long seq) {
        io(() -> {
            writer.setLiveCommitData(Map.of(APPLIED_SEQ, Long.toString(seq)).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        });
        appliedSeq = seq;
        generation.incrementAndGet();
    }

    /** Runs a search on the latest committed state. */
    public <T> T search(SearchFunction<T> function) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of all documents, ascending (for the health check). */
    public List<Long> ids() {
        return search(searcher -> {
            List<Long> ids = new ArrayList<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        ids.add(Long.parseLong(stored.document(doc).get(Fields.ID)));
                    }
                }
            }
            ids.sort(null);
            return ids;
        });
    }

    public int count() {
        return search(searcher -> searcher.getIndexReader().numDocs());
    }

    @Override
    public void close() {
        io(() -> {
            searchers.close();
            writer.rollback(); // uncommitted writes are redone from the change log on the next start
            writer.getDirectory().close();
        });
    }

    private static long readAppliedSeq(IndexWriter writer) throws IOException {
        if (!DirectoryReader.indexExists(writer.getDirectory())) {
            return -1;
        }
        try (DirectoryReader reader = DirectoryReader.open(writer.getDirectory())) {
            String seq = reader.getIndexCommit().getUserData().get(APPLIED_SEQ);
            return seq == null ? -1 : Long.parseLong(seq);
        }
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    @FunctionalInterface
    public interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
