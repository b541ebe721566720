package org.shortwave.accounts;

import java.util.Optional;
import org.shortwave.accounts.internal.ApiTokenRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: a random 256-bit secret per token, shown once; only its SHA-256 is stored, so a database leak gives
 * away no usable token. A token acts as its user, with that user's rights, until revoked or the user is disabled.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "swt_";

    private final ApiTokenRepository repository;
    private final Accounts accounts;
    private final AuditLog audit;

    ApiTokens(ApiTokenRepository repository, Accounts accounts, AuditLog audit) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Creates a token for a user and returns it; it cannot be shown again. */
    @Transactional
    public String create(Account user, String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidAccountException("token.name-invalid");
        }
        String token = Secrets.newSecret(PREFIX);
        long id = repository.insert(user.id(), name.strip(), Secrets.hash(token));
        audit.record(user, "token.created", "token", id, name.strip());
        return token;
    }

    /** The enabled account a live token acts for, if the token is one. */
    @Transactional
    public Optional<Account> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return repository.use(Secrets.hash(token)).flatMap(accounts::find).filter(Account::enabled);
    }

    @Transactional
    public void revoke(Account actor, long tokenId) {
        repository.revoke(tokenId);
        audit.record(actor, "token.revoked", "token", tokenId, null);
    }
}
