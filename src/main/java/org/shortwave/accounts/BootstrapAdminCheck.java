package org.shortwave.accounts;

import java.util.Locale;
import org.shortwave.i18n.Messages;
import org.shortwave.platform.BadSetting;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The bootstrap admin ({@code shortwave.bootstrap.admin-email} and {@code -password}, see {@link FirstAdmin}),
 * checked before anything starts: both or neither, a well-formed address, a password the policy accepts. A bad one
 * is refused whether or not a user exists yet (the database is not asked): a weak password in an installation's
 * settings is a bad setting either way. Registered in {@code META-INF/spring.factories}.
 */
final class BootstrapAdminCheck implements EnvironmentPostProcessor {

    static final String EMAIL = "shortwave.bootstrap.admin-email";
    static final String PASSWORD = "shortwave.bootstrap.admin-password";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder settings = Binder.get(environment);
        String email = settings.bind(EMAIL, String.class).orElse("");
        String password = settings.bind(PASSWORD, String.class).orElse("");
        if (email.isBlank() && password.isBlank()) {
            return;
        }
        if (email.isBlank() || password.isBlank()) {
            String missing = email.isBlank() ? EMAIL : PASSWORD;
            throw new BadSetting(missing, "is empty, but " + (email.isBlank() ? PASSWORD : EMAIL) + " is set: the two"
                    + " (SHORTWAVE_BOOTSTRAP_ADMIN_EMAIL, SHORTWAVE_BOOTSTRAP_ADMIN_PASSWORD) go together");
        }
        String normalized = Accounts.normalizeEmail(email);
        if (!Accounts.wellFormedEmail(normalized)) {
            throw new BadSetting(EMAIL, "is refused: " + english("account.email-invalid"));
        }
        PasswordPolicy.problem(password, normalized).ifPresent(problem -> {
            throw new BadSetting(PASSWORD, "is refused: " + english(problem));
        });
    }

    private static String english(String key) {
        return new Messages().forLocale(Locale.ENGLISH).get(key);
    }
}
