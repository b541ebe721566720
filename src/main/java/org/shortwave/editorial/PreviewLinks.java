package org.shortwave.editorial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.shortwave.accounts.Account;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.Revision;
import org.shortwave.editorial.internal.PreviewLinkRepository;
import org.shortwave.platform.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preview links to share with a colleague: a random token that opens one saved revision of an article (the one
 * current when the link was made, so a later save does not change what the colleague reviews), for 48 hours, to a
 * signed-in user who may view the article anyway. The link adds no right; it saves finding the revision.
 */
@Service
public class PreviewLinks {

    public static final Duration LIFETIME = Duration.ofHours(48);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final PreviewLinkRepository repository;
    private final EditorialWorkflow workflow;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PreviewLinks(PreviewLinkRepository repository, EditorialWorkflow workflow, Clock clock) {
        this.repository = repository;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** A link made: its token (shown once, in the link) and when it expires. */
    public record Made(String token, int version, Instant expiresAt) {
    }

    /** What a link opens: the article as the user may see it, the revision, and the link's end. */
    public record Opened(EditableArticle article, Revision revision, Instant expiresAt) {
    }

    @Transactional
    public Made create(Account user, long articleId) {
        EditableArticle article = workflow.open(user, articleId);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        repository.insert(hash(token), articleId, article.version(), user.id(), now, expires);
        return new Made(token, article.version(), expires);
    }

    /**
     * Opens a link for a signed-in user: refused as not found when the token is unknown or expired (the two look
     * alike, so a guess learns nothing), and as not allowed when the user may not view the article.
     */
    @Transactional(readOnly = true)
    public Opened open(Account user, String token) {
        var link = TOKEN.matcher(token).matches() ? repository.find(hash(token)) : java.util.Optional.<PreviewLinkRepository.Link>empty();
        if (link.isEmpty() || !clock.instant().isBefore(link.get().expiresAt())) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, null, "preview.link.expired");
        }
        EditableArticle article = workflow.open(user, link.get().articleId());
        Revision revision = workflow.revisions(user, article.id()).stream()
                .filter(r -> r.version() == link.get().version()).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, null, "preview.link.expired"));
        return new Opened(article, revision, link.get().expiresAt());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
