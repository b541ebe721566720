package org.shortwave.platform;

/**
 * A reader's request found every render turn taken for longer than it may wait: answered like a database outage
 * (503 with Retry-After, or the stored page if there is one), because for the reader it is the same.
 */
public final class ReadersOverloaded extends RuntimeException {

    public ReadersOverloaded(int renders) {
        super("all " + renders + " render turns taken; the request waited its limit", null, false, false);
    }
}
