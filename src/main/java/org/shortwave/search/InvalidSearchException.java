package org.shortwave.search;

import java.util.List;

/**
 * A search request that cannot be run as it is. {@code reason} names the interface text that explains it
 * ({@code search.invalid.<reason>}), {@code arguments} fill it in.
 */
public class InvalidSearchException extends IllegalArgumentException {

    private final String reason;
    private final List<Object> arguments;

    public InvalidSearchException(String reason, Object... arguments) {
        super(reason + " " + List.of(arguments));
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    public String reason() {
        return reason;
    }

    public String messageKey() {
        return "search.invalid." + reason;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
