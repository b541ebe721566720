package org.shortwave.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void longEnoughUncommonPasswordsPassWithoutCompositionRules() {
        assertThat(PasswordPolicy.problem("harbour lights at dusk", "lin@example.org")).isEmpty();
        assertThat(PasswordPolicy.problem("correcthorse", "lin@example.org")).isEmpty();
        assertThat(PasswordPolicy.problem("台风过后的渔港清晨", "lin@example.org")).isEmpty();
        assertThat(PasswordPolicy.problem("x".repeat(10) + "y".repeat(54) + "z", "lin@example.org")).isEmpty();
    }

    @Test
    void shortLongCommonAndGuessablePasswordsAreRefused() {
        assertThat(PasswordPolicy.problem("short1!", "a@b.org")).contains("password.too-short");
        assertThat(PasswordPolicy.problem(null, "a@b.org")).contains("password.too-short");
        assertThat(PasswordPolicy.problem("a".repeat(64) + "b".repeat(65), "a@b.org")).contains("password.too-long");
        assertThat(PasswordPolicy.problem("Password1", "a@b.org")).contains("password.common");
        assertThat(PasswordPolicy.problem("QWERTYUIOP", "a@b.org")).contains("password.common");
        assertThat(PasswordPolicy.problem("aaaaaaaaaaaa", "a@b.org")).contains("password.common");
        assertThat(PasswordPolicy.problem("linxiaoyu2026", "linxiaoyu@example.org")).contains("password.guessable");
        assertThat(PasswordPolicy.problem("myShortwave!", "a@b.org")).contains("password.guessable");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertThat(PasswordPolicy.problem("短波广播电台新闻", "a@b.org")).isEmpty(); // 8 characters, 24 bytes
        assertThat(PasswordPolicy.problem("短波广播电台新", "a@b.org")).contains("password.too-short");
    }
}
