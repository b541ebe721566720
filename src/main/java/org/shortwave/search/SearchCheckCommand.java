package org.shortwave.search;

import java.util.List;
import org.shortwave.platform.cli.CliCommand;
import org.springframework.stereotype.Component;

/** {@code java -jar shortwave.jar search-check}: compares the index with the database; exit status 1 if they differ. */
@Component
class SearchCheckCommand implements CliCommand {

    private final SearchIndexing indexing;

    SearchCheckCommand(SearchIndexing indexing) {
        this.indexing = indexing;
    }

    @Override
    public String name() {
        return "search-check";
    }

    @Override
    public String summary() {
        return "compare the search index with the database (count and ids)";
    }

    @Override
    public int run(List<String> args) {
        IndexHealth health = indexing.health();
        System.out.printf("database: %,d public articles; index: %,d; change log: applied %d of %d%n",
                health.databaseCount(), health.indexCount(), health.appliedSeq(), health.latestSeq());
        if (!health.missingFromIndex().isEmpty()) {
            System.out.println("missing from the index: " + health.missingFromIndex());
        }
        if (!health.notPublic().isEmpty()) {
            System.out.println("in the index but not public: " + health.notPublic());
        }
        System.out.println(health.healthy() ? "search index OK" : "search index DIVERGES from the database");
        return health.healthy() ? 0 : 1;
    }
}
