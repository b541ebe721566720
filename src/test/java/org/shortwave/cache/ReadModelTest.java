package org.shortwave.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The read model's memory without a server: kept by name, evicted by key, never keeping a read a change overtook. */
class ReadModelTest {

    private final AtomicInteger reads = new AtomicInteger();

    private static ReadModel model(boolean enabled, int maxEntries) {
        return new ReadModel(new ReadModelProperties(enabled, maxEntries, Duration.ofMinutes(10)));
    }

    private String read(ReadModel model, String name, String value, String... keys) {
        return model.get(name, () -> {
            reads.incrementAndGet();
            return value;
        }, v -> List.of(keys));
    }

    @Test
    void aValueIsReadOnceAndEvictedByAnyOfItsKeys() {
        ReadModel model = model(true, 100);
        assertThat(read(model, "story:1", "first", "a1", "tax:en")).isEqualTo("first");
        assertThat(read(model, "story:1", "second", "a1", "tax:en")).isEqualTo("first");
        assertThat(reads).hasValue(1);

        model.evict(List.of("a2", "e:en"));
        assertThat(read(model, "story:1", "second", "a1", "tax:en")).as("other keys leave it").isEqualTo("first");
        model.evict(List.of("tax:en"));
        assertThat(read(model, "story:1", "third", "a1", "tax:en")).isEqualTo("third");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadOvertakenByAnEvictionOfItsKeysIsReturnedButNotKept() {
        ReadModel model = model(true, 100);
        String got = model.get("lists:en", () -> {
            model.evict(List.of("e:en")); // a publish arrives while the lists are being read
            return "before the publish";
        }, v -> List.of("e:en"));
        assertThat(got).isEqualTo("before the publish");
        assertThat(read(model, "lists:en", "after the publish", "e:en")).isEqualTo("after the publish");

        String kept = model.get("lists:de", () -> {
            model.evict(List.of("e:en"));
            return "German lists";
        }, v -> List.of("e:de"));
        assertThat(read(model, "lists:de", "read again", "e:de")).isEqualTo(kept);
    }

    @Test
    void aValueMadeFromOthersCountsFromBeforeTheyWereRead() {
        ReadModel model = model(true, 100);
        long since = model.epoch();
        String story = read(model, "story:1", "old text", "a1");
        model.evict(List.of("a1")); // the story changes after its part was read, before the head is made
        assertThat(model.get("head:1", since, () -> "head of " + story, v -> List.of("a1"))).isEqualTo("head of old text");
        assertThat(model.get("head:1", model.epoch(), () -> "head of new text", v -> List.of("a1")))
                .as("not kept").isEqualTo("head of new text");
    }

    @Test
    void theLeastRecentlyUsedGoFirstPastTheBound() throws InterruptedException {
        ReadModel model = model(true, 10);
        read(model, "old", "old", "k");
        for (int i = 0; i < 10; i++) {
            Thread.sleep(1); // distinct times of last use
            read(model, "n" + i, "v", "k" + i);
            read(model, "old", "old", "k"); // used again, so kept
        }
        assertThat(model.size()).isLessThanOrEqualTo(10);
        int before = reads.get();
        assertThat(read(model, "old", "again", "k")).isEqualTo("old");
        assertThat(read(model, "n0", "again", "k0")).as("least recently used, dropped").isEqualTo("again");
        assertThat(reads.get() - before).isEqualTo(1);
    }

    @Test
    void switchedOffEveryGetReads() {
        ReadModel model = model(false, 100);
        read(model, "a", "one", "k");
        read(model, "a", "two", "k");
        assertThat(reads).hasValue(2);
        assertThat(model.size()).isZero();
    }
}
