package org.shortwave.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: a random 256-bit secret per token, shown once; only its SHA-256 is stored, so a database leak gives
 * away no usable token. A token acts as its user, with that user's rights, until revoked or the user is disabled.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "swt_";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Accounts accounts, AuditLog audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Creates a token for a user and returns it; it cannot be shown again. */
    @Transactional
    public String create(Account user, String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidAccountException("token.name-invalid");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("insert into api_token (user_id, name, token_hash) values (?, ?, ?) returning id")
                .params(user.id(), name.strip(), hash(token)).query(Long.class).single();
        audit.record(user, "token.created", "token", id, name.strip());
        return token;
    }

    /** The enabled account a live token acts for, if the token is one. */
    @Transactional
    public Optional<Account> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Long> userId = jdbc.sql("""
                update api_token set last_used_at = now()
                where token_hash = ? and revoked_at is null returning user_id""")
                .param(hash(token)).query(Long.class).optional();
        return userId.flatMap(accounts::find).filter(Account::enabled);
    }

    @Transactional
    public void revoke(Account actor, long tokenId) {
        jdbc.sql("update api_token set revoked_at = now() where id = ? and revoked_at is null").param(tokenId).update();
        audit.record(actor, "token.revoked", "token", tokenId, null);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
