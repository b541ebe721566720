package org.shortwave.platform;

/**
 * Named places where the crash drills (CrashDrillIT) kill Shortwave: started with
 * {@code -Dshortwave.fault.pause-at=<name>}, the process prints a line on reaching that point and waits there until
 * it is killed with SIGKILL. Without the property (always, outside the drills) reaching a point reads one field.
 * The property is read from the JVM's command line only, never from configuration a request could touch.
 */
public final class FaultPoints {

    /** Between a change's commit and this node's search index (and page cache) acting on it. */
    public static final String INDEX_BEFORE_APPLY = "index.before-apply";
    /** An image upload's files written and its rows inserted, before the transaction commits. */
    public static final String UPLOAD_BEFORE_COMMIT = "upload.before-commit";
    /** Scheduled articles claimed and announced, before the transaction commits. */
    public static final String SCHEDULER_BEFORE_COMMIT = "scheduler.before-commit";

    private static final String PAUSE_AT = System.getProperty("shortwave.fault.pause-at", "");

    private FaultPoints() {
    }

    public static void reach(String name) {
        if (PAUSE_AT.isEmpty() || !PAUSE_AT.equals(name)) {
            return;
        }
        System.out.println("FAULT POINT REACHED: " + name);
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Keep waiting: only the drill's SIGKILL ends this thread.
            }
        }
    }
}
