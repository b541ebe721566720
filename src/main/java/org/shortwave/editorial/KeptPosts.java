package org.shortwave.editorial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shortwave.accounts.Account;
import org.shortwave.editorial.internal.KeptPostRepository;
import org.shortwave.editorial.internal.KeptPostRepository.KeptPost;
import org.shortwave.platform.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editor forms posted after their session ended (ADR 0021). The post is not authenticated, so it is only kept:
 * bounded in size (one form, and all live ones together), for {@link #KEPT_FOR}, under the hash of a random token
 * that only the posting browser gets back. Whoever signs in with that token gets it as their draft of the article,
 * if they may edit it, to review in the editor; it is never applied by itself.
 */
@Service
public class KeptPosts {

    public static final Duration KEPT_FOR = Duration.ofHours(12);
    /** All live kept forms together hold at most this many characters (about 100 forms of the largest size). */
    static final long MAX_LIVE_CHARS = 100L * Drafts.MAX_CHARS;
    private static final Pattern ACTION = Pattern.compile("/admin/articles/(new|[1-9][0-9]{0,17})");
    private static final Set<String> OPS = Set.of("save", "submit", "reject", "publish", "schedule", "withdraw",
            "unpublish");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A claimed form: the draft it became, and the button its writer had pressed. */
    public record Claimed(Draft draft, String op) {
    }

    private final KeptPostRepository kept;
    private final Drafts drafts;
    private final Clock clock;

    KeptPosts(KeptPostRepository kept, Drafts drafts, Clock clock) {
        this.kept = kept;
        this.drafts = drafts;
        this.clock = clock;
    }

    /** Whether a form posted to this path is one this class keeps. */
    public static boolean isEditorForm(String path) {
        return ACTION.matcher(path).matches();
    }

    /**
     * Keeps a form posted to {@code action}; answers the token to hand the browser, or empty when it cannot be
     * kept (not an editor form, too large, or the bound on all kept forms is reached).
     */
    @Transactional
    public Optional<String> keep(String action, String op, Map<String, List<String>> posted) {
        if (!isEditorForm(action)) {
            return Optional.empty();
        }
        Map<String, List<String>> form;
        try {
            form = Drafts.clean(posted);
        } catch (Refusal tooLarge) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant();
        boolean stored = kept.keep(hash(token), new KeptPost(action, op != null && OPS.contains(op) ? op : "save", form,
                now.plus(KEPT_FOR)), Drafts.chars(form), now, MAX_LIVE_CHARS);
        return stored ? Optional.of(token) : Optional.empty();
    }

    /**
     * Hands the form kept under {@code token} to the signed-in user as their draft (once). Empty when there is
     * none, it expired, or the user may not edit that article (or write in that edition): then it is dropped.
     */
    @Transactional
    public Optional<Claimed> claim(Account user, String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        Optional<KeptPost> post = kept.take(hash(token), clock.instant());
        if (post.isEmpty()) {
            return Optional.empty();
        }
        Matcher action = ACTION.matcher(post.get().action());
        if (!action.matches()) {
            return Optional.empty();
        }
        Long articleId = "new".equals(action.group(1)) ? null : Long.valueOf(action.group(1));
        List<String> edition = post.get().form().get("edition");
        try {
            Draft draft = drafts.put(user, articleId, edition == null || edition.isEmpty() ? null : edition.getFirst(),
                    post.get().form());
            return Optional.of(new Claimed(draft, post.get().op()));
        } catch (Refusal notTheirs) {
            return Optional.empty();
        }
    }


    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
