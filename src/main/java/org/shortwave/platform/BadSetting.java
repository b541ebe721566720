package org.shortwave.platform;

import org.springframework.boot.ExitCodeGenerator;

/**
 * A setting Shortwave refuses to start with, found before anything starts (see {@link SettingsCheck}). Its message
 * names the property and says what is wrong, in one line; {@link BadSettingReport} prints it instead of a stack
 * trace, and the process exits with {@value #EXIT_CODE} ({@code EX_CONFIG} of sysexits.h).
 */
public final class BadSetting extends RuntimeException implements ExitCodeGenerator {

    public static final int EXIT_CODE = 78;

    private final String property;

    /** {@code problem} completes a sentence that starts with the property's name. */
    public BadSetting(String property, String problem) {
        super(property + " " + problem, null, false, false);
        this.property = property;
    }

    public String property() {
        return property;
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }
}
