package org.shortwave.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shortwave.accounts.internal.ApiTokenRepository;
import org.shortwave.platform.TextRule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: a random 256-bit secret per token, shown once; only its SHA-256 is stored, so a database leak gives
 * away no usable token. A token acts as its user, with that user's rights, until it expires, is revoked or the user
 * is disabled. Users manage their own tokens; admins manage everyone's.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "swt_";
    /** Longest lifetime a token may be given; "no expiry" is a separate, explicit choice. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(3650);

    private final ApiTokenRepository repository;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(ApiTokenRepository repository, Accounts accounts, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token that never expires; see {@link #create(Account, Account, String, Duration)}. */
    @Transactional
    public String create(Account user, String name) {
        return create(user, user, name, null);
    }

    /**
     * Creates a token for {@code owner} and returns it; it cannot be shown again.
     *
     * @param validity how long it works, or null for no expiry
     */
    @Transactional
    public String create(Account actor, Account owner, String name, Duration validity) {
        requireManages(actor, owner.id());
        if (name == null || name.isBlank() || name.length() > 200 || TextRule.check(name) != null) {
            throw new InvalidAccountException("token.name-invalid");
        }
        if (validity != null && (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0)) {
            throw new InvalidAccountException("token.validity-invalid");
        }
        String token = Secrets.newSecret(PREFIX);
        Instant now = clock.instant();
        Instant expiresAt = validity == null ? null : now.plus(validity);
        long id = repository.insert(owner.id(), name.strip(), Secrets.hash(token), now, expiresAt);
        audit.record(actor, "token.created", "token", id, owner.email() + ": " + name.strip());
        return token;
    }

    /** The enabled account a live token acts for, if the token is one. */
    @Transactional
    public Optional<Account> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return repository.use(Secrets.hash(token), clock.instant()).flatMap(accounts::find).filter(Account::enabled);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(Account actor, long userId) {
        requireManages(actor, userId);
        return repository.ofUser(userId);
    }

    /** Revokes a token of the actor's own, or anyone's for an admin. Revoking twice changes nothing. */
    @Transactional
    public void revoke(Account actor, long tokenId) {
        ApiToken token = repository.find(tokenId).orElseThrow(() -> InvalidAccountException.unknown("token.unknown"));
        requireManages(actor, token.userId());
        if (repository.revoke(tokenId, clock.instant())) {
            audit.record(actor, "token.revoked", "token", tokenId, token.name());
        }
    }

    public Instant now() {
        return clock.instant();
    }

    /** Null actor: the system itself (the command line). */
    private static void requireManages(Account actor, long userId) {
        if (actor != null && !actor.admin() && actor.id() != userId) {
            throw new AccountAccessDeniedException();
        }
    }
}
