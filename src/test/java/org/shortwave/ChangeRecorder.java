package org.shortwave;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.shortwave.content.ContentChanged;
import org.springframework.context.event.EventListener;

/** Records the change events this node publishes, so tests can wait for one instead of sleeping. */
public class ChangeRecorder {

    private final List<ContentChanged> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ContentChanged change) {
        received.add(change);
    }

    public List<ContentChanged> received() {
        return List.copyOf(received);
    }

    /** Waits (at most {@code timeout}) for a change matching the condition, and returns it. */
    public ContentChanged await(Predicate<ContentChanged> condition, Duration timeout) {
        return Await.result(() -> received.stream().filter(condition).findFirst().orElse(null),
                "a change matching the condition", timeout);
    }
}
