package org.shortwave.search;

import java.util.List;
import org.shortwave.platform.cli.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar shortwave.jar reindex}: rebuilds this node's search index from the database, printing progress.
 * Stop the server on the same data directory first: an index has one writer at a time.
 */
@Component
class ReindexCommand implements CliCommand {

    private final SearchIndexing indexing;

    ReindexCommand(SearchIndexing indexing) {
        this.indexing = indexing;
    }

    @Override
    public String name() {
        return "reindex";
    }

    @Override
    public String summary() {
        return "rebuild the search index from the database (stop the server first)";
    }

    @Override
    public int run(List<String> args) {
        long started = System.nanoTime();
        int total = indexing.rebuild(done -> System.out.printf("reindex: %,d articles%n", done));
        IndexHealth health = indexing.health();
        System.out.printf("reindex: done, %,d public articles indexed in %.1f s; index %s the database%n", total,
                (System.nanoTime() - started) / 1e9, health.healthy() ? "matches" : "does NOT match");
        return health.healthy() ? 0 : 1;
    }
}
