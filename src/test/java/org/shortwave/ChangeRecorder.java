package org.shortwave;

import java.time.Duration;
import java.time.Instant;
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
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ContentChanged change : received) {
                if (condition.test(change)) {
                    return change;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no change matching the condition within " + timeout + "; received " + received);
    }
}
