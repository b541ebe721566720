package org.shortwave.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.shortwave.accounts.internal.AccountRepository;
import org.shortwave.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first admin. When no user exists at start, either the properties {@code shortwave.bootstrap.admin-email} and
 * {@code shortwave.bootstrap.admin-password} create one (for automation), or the log prints a one-time link to a
 * page that does, valid for a day. Only the link token's hash is stored. The properties are checked before the
 * start ({@link BootstrapAdminCheck}).
 */
@Component
public class FirstAdmin {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final AccountRepository repository;
    private final Environment environment;
    private final Clock clock;
    private final Messages messages;
    private final String bootstrapEmail;
    private final String bootstrapPassword;

    FirstAdmin(Accounts accounts, AccountRepository repository, Environment environment, Clock clock, Messages messages,
            @Value("${shortwave.bootstrap.admin-email:}") String bootstrapEmail,
            @Value("${shortwave.bootstrap.admin-password:}") String bootstrapPassword) {
        this.accounts = accounts;
        this.repository = repository;
        this.environment = environment;
        this.clock = clock;
        this.messages = messages;
        this.bootstrapEmail = bootstrapEmail;
        this.bootstrapPassword = bootstrapPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (!accounts.noneExist()) {
            return;
        }
        if (!bootstrapEmail.isBlank() || !bootstrapPassword.isBlank()) {
            createFromProperties();
            return;
        }
        String port = environment.getProperty("local.server.port");
        if (port == null || port.equals("-1")) {
            return; // a CLI run: the create-user command makes users
        }
        String token = newToken();
        log.warn("No newsroom user exists yet. Create the first admin within {} hours at: http://localhost:{}/admin/setup?token={}",
                TOKEN_LIFETIME.toHours(), port, token);
    }

    /**
     * The admin the bootstrap properties describe. Bad values were refused before the start ({@link
     * BootstrapAdminCheck}): an automated installation must not come up with no admin, or with a weak password.
     */
    private void createFromProperties() {
        try {
            Account admin = accounts.create(null, bootstrapEmail, bootstrapEmail.split("@")[0], bootstrapPassword, true);
            log.info("Created the first admin {} from shortwave.bootstrap.admin-email", admin.email());
        } catch (InvalidAccountException e) {
            throw new IllegalStateException("The first admin from shortwave.bootstrap.admin-email/-password was refused: "
                    + messages.forLocale(java.util.Locale.ENGLISH).get(e.messageKey()), e);
        }
    }

    /** Makes a new one-time token (replacing any earlier one) and returns it; only its hash is kept. */
    @Transactional
    public String newToken() {
        String token = Secrets.newSecret("");
        repository.insertSetupToken(Secrets.hash(token), clock.instant().plus(TOKEN_LIFETIME).atOffset(ZoneOffset.UTC));
        return token;
    }

    @Transactional(readOnly = true)
    public boolean isValidToken(String token) {
        return !token.isBlank() && repository.setupTokenValid(Secrets.hash(token), clock.instant().atOffset(ZoneOffset.UTC));
    }

    /** Creates the first admin with a valid token, which is used up; throws for a bad token or bad input. */
    @Transactional
    public Account createWithToken(String token, String email, String name, String password) {
        if (token.isBlank() || !accounts.noneExist()
                || !repository.consumeSetupToken(Secrets.hash(token), clock.instant().atOffset(ZoneOffset.UTC))) {
            throw new InvalidAccountException("admin.setup.invalid");
        }
        return accounts.create(null, email, name, password, true);
    }
}
