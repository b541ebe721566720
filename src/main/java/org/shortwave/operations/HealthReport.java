package org.shortwave.operations;

import java.util.List;

/**
 * The admins' health page: one line per part of this node, each with a status and what was measured.
 *
 * @param checks in the order the page shows them
 */
public record HealthReport(String node, List<Check> checks) {

    public enum Status { OK, WARN, FAIL }

    /** One part: its message key, status, and the message key and arguments of what was found. */
    public record Check(String nameKey, Status status, String detailKey, List<Object> detailArgs) {
    }

    public Status overall() {
        return checks.stream().map(Check::status).max(Enum::compareTo).orElse(Status.OK);
    }
}
