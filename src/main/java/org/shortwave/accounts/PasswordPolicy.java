package org.shortwave.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Password rules after OWASP ASVS (V2.1): at least 8 characters, long passphrases allowed (up to 128), common and
 * easily guessed passwords refused, and no composition rules (no "one digit and one symbol").
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why the password is refused (a message key of the interface texts), or empty if it is acceptable. */
    public static Optional<String> problem(String password, String email) {
        if (password == null) {
            return Optional.of("password.too-short");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || isOneCharacterRepeated(lower)) {
            return Optional.of("password.common");
        }
        if (email != null) {
            String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (local.length() >= 4 && lower.contains(local) || lower.contains("shortwave")) {
                return Optional.of("password.guessable");
            }
        }
        return Optional.empty();
    }

    private static boolean isOneCharacterRepeated(String password) {
        return password.codePoints().distinct().count() <= 2;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/accounts/common-passwords.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
