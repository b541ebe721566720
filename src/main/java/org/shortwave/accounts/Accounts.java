package org.shortwave.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.shortwave.accounts.internal.AccountRepository;
import org.shortwave.accounts.internal.LoginFailureRepository;
import org.shortwave.platform.TextRule;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Newsroom users: creating them (with the password policy), their roles per edition, disabling them. */
@Service
public class Accounts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]{1,63}");

    /** Wrong passwords allowed per email within {@link #PASSWORD_WINDOW}, at sign-in and on the password form. */
    public static final int PASSWORD_FAILURES = 5;
    public static final Duration PASSWORD_WINDOW = Duration.ofMinutes(15);

    private final AccountRepository repository;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final LoginFailureRepository failures;
    private final Clock clock = Clock.systemUTC();

    Accounts(AccountRepository repository, PasswordEncoder passwords, AuditLog audit,
            ApplicationEventPublisher events, LoginFailureRepository failures) {
        this.repository = repository;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
        this.failures = failures;
    }

    /**
     * Creates a user. Throws {@link InvalidAccountException} for a malformed or taken email, an empty name or a
     * password the policy refuses.
     */
    @Transactional
    public Account create(Account actor, String email, String displayName, String password, boolean admin) {
        requireAdmin(actor);
        String normalized = normalizeEmail(email);
        if (!wellFormedEmail(normalized)) {
            throw new InvalidAccountException("account.email-invalid");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200
                || TextRule.check(displayName) != null) {
            throw new InvalidAccountException("account.name-invalid");
        }
        PasswordPolicy.problem(password, normalized).ifPresent(problem -> {
            throw new InvalidAccountException(problem);
        });
        if (repository.emailExists(normalized)) {
            throw new InvalidAccountException("account.email-taken");
        }
        long id = repository.insert(normalized, displayName.strip(), passwords.encode(password), admin);
        Account account = repository.find(id).orElseThrow();
        audit.record(actor, admin ? "user.created-admin" : "user.created", "user", id, normalized);
        return account;
    }

    /**
     * Creates a user with roles in editions, all in one transaction: a role that cannot be granted (an edition that
     * does not exist) leaves no user behind.
     */
    @Transactional
    public Account create(Account actor, String email, String displayName, String password, boolean admin,
            Map<String, Role> roles) {
        Account account = create(actor, email, displayName, password, admin);
        roles.forEach((edition, role) -> grant(actor, account.id(), edition, role));
        return repository.find(account.id()).orElseThrow();
    }

    @Transactional
    public void grant(Account actor, long userId, String editionCode, Role role) {
        requireAdmin(actor);
        repository.setRole(userId, editionCode, role);
        audit.record(actor, "user.role-granted", "user", userId, editionCode + ":" + role.dbValue());
    }

    @Transactional
    public void revoke(Account actor, long userId, String editionCode) {
        requireAdmin(actor);
        repository.removeRole(userId, editionCode);
        audit.record(actor, "user.role-revoked", "user", userId, editionCode);
    }

    /** Disables a user; their open sessions end (see {@link AccountDisabled}). */
    @Transactional
    public void disable(Account actor, long userId) {
        requireAdmin(actor);
        if (actor != null && actor.id() == userId) {
            throw new InvalidAccountException("account.not-yourself");
        }
        Account account = repository.find(userId).orElseThrow(() -> InvalidAccountException.unknown("account.unknown"));
        repository.setEnabled(userId, false);
        audit.record(actor, "user.disabled", "user", userId, account.email());
        events.publishEvent(new AccountDisabled(userId, account.email()));
    }

    @Transactional
    public void enable(Account actor, long userId) {
        requireAdmin(actor);
        repository.setEnabled(userId, true);
        audit.record(actor, "user.enabled", "user", userId, null);
    }

    /**
     * Sets a user's whole rights at once, in one transaction: the role in each edition (editions missing from the map
     * lose theirs) and the admin flag. Only what changes is written to the audit log.
     */
    @Transactional
    public void setRights(Account actor, long userId, Map<String, Role> roles, boolean admin) {
        requireAdmin(actor);
        Account account = repository.find(userId).orElseThrow(() -> InvalidAccountException.unknown("account.unknown"));
        setAdmin(actor, userId, admin);
        for (String edition : account.roles().keySet()) {
            if (!roles.containsKey(edition)) {
                revoke(actor, userId, edition);
            }
        }
        roles.forEach((edition, role) -> {
            if (account.roleIn(edition).orElse(null) != role) {
                grant(actor, userId, edition, role);
            }
        });
    }

    /**
     * Makes a user an admin or takes that away. Admins cannot demote themselves, so the newsroom always keeps one
     * admin who can undo a mistake.
     */
    @Transactional
    public void setAdmin(Account actor, long userId, boolean admin) {
        requireAdmin(actor);
        Account account = repository.find(userId).orElseThrow(() -> InvalidAccountException.unknown("account.unknown"));
        if (account.admin() == admin) {
            return;
        }
        if (actor != null && actor.id() == userId) {
            throw new InvalidAccountException("account.not-yourself");
        }
        repository.setAdmin(userId, admin);
        audit.record(actor, admin ? "user.made-admin" : "user.admin-removed", "user", userId, account.email());
    }

    /**
     * Sets a new password. Users changing their own must give the current one; admins may set anyone else's (for a
     * user who lost theirs).
     */
    @Transactional(noRollbackFor = InvalidAccountException.class) // a wrong password's failure is kept
    public void changePassword(Account actor, long userId, String currentPassword, String newPassword) {
        if (actor == null || actor.id() != userId) {
            requireAdmin(actor);
        }
        var credentials = repository.find(userId)
                .flatMap(account -> repository.credentials(account.email()))
                .orElseThrow(() -> InvalidAccountException.unknown("account.unknown"));
        if (actor != null && actor.id() == userId) {
            // The current password is guessed like a sign-in, so it is throttled like one, with the same failures
            // in the database (web.LoginThrottle): a stolen session cannot try passwords faster than a login form.
            String key = "email:" + credentials.account().email();
            Instant now = clock.instant();
            if (failures.count(key, now.minus(PASSWORD_WINDOW), PASSWORD_FAILURES) >= PASSWORD_FAILURES) {
                throw InvalidAccountException.tooMany("account.password-throttled");
            }
            if (currentPassword == null || !passwords.matches(currentPassword, credentials.passwordHash())) {
                failures.add(key, now);
                throw new InvalidAccountException("account.password-wrong");
            }
        }
        PasswordPolicy.problem(newPassword, credentials.account().email()).ifPresent(problem -> {
            throw new InvalidAccountException(problem);
        });
        repository.setPassword(userId, passwords.encode(newPassword));
        audit.record(actor, "user.password-changed", "user", userId, credentials.account().email());
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(long id) {
        return repository.find(id);
    }

    /**
     * The account behind a newsroom session, if the session may go on: the account is enabled and its password is
     * still the one the session signed in with ({@code stamp}, from {@link #passwordStamp}). Read on every newsroom
     * request, so disabling a user or changing their password ends their sessions on every node.
     */
    @Transactional(readOnly = true)
    public Optional<Account> sessionAccount(String email, String stamp) {
        return repository.credentials(normalizeEmail(email))
                .filter(c -> c.account().enabled() && passwordStamp(c.passwordHash()).equals(stamp))
                .map(AccountRepository.Credentials::account);
    }

    /** A digest of a password hash, for telling which password a session signed in with. */
    public static String passwordStamp(String passwordHash) {
        return Secrets.hash(passwordHash == null ? "" : passwordHash).substring(0, 32);
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByEmail(String email) {
        return repository.credentials(normalizeEmail(email)).map(AccountRepository.Credentials::account);
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return repository.findAll();
    }

    @Transactional(readOnly = true)
    public boolean noneExist() {
        return repository.count() == 0;
    }

    /** Null actor: the system itself (start-up, the command line). */
    private static void requireAdmin(Account actor) {
        if (actor != null && !actor.admin()) {
            throw new AccountAccessDeniedException();
        }
    }

    /**
     * Whether a normalized email address looks like one (the check {@link #create} makes first), and passes the text
     * rule (platform.TextRule): no reordering, control or invisible-only text; a NUL was a 500.
     */
    static boolean wellFormedEmail(String normalized) {
        return EMAIL.matcher(normalized).matches() && TextRule.check(normalized) == null;
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
