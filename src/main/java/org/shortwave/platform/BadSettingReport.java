package org.shortwave.platform;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a {@link BadSetting} that stopped the start as one line on standard error, with no stack trace: the
 * failure is the operator's setting, not the code. Registered in {@code META-INF/spring.factories}; anything else is
 * left to Spring Boot's own reporting.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class BadSettingReport implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadSetting bad) {
                System.err.println("Shortwave cannot start: " + bad.getMessage());
                return true;
            }
        }
        return false;
    }
}
