package org.shortwave.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class AccountsIT extends AppTestBase {

    @Autowired
    Accounts accounts;
    @Autowired
    FirstAdmin firstAdmin;
    @Autowired
    TransactionTemplate transaction;

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void usersAreCreatedWithArgon2HashesAndAudited() {
        String email = uniqueEmail();
        Account account = accounts.create(null, "  " + email.toUpperCase() + " ", "Lin Xiaoyu", "harbour lights", false);

        assertThat(account.email()).isEqualTo(email);
        assertThat(jdbc.sql("select password_hash from app_user where id = ?").param(account.id()).query(String.class)
                .single()).startsWith("{argon2}").doesNotContain("harbour");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'user.created' and target_id = ?")
                .param(Long.toString(account.id())).query(Long.class).single()).isOne();
    }

    @Test
    void badInputIsRefusedWithAReasonAndNothingIsStored() {
        String email = uniqueEmail();
        accounts.create(null, email, "First", "harbour lights", false);
        long before = count();

        assertThatThrownBy(() -> accounts.create(null, email.toUpperCase(), "Second", "harbour lights", false))
                .hasFieldOrPropertyWithValue("messageKey", "account.email-taken");
        assertThatThrownBy(() -> accounts.create(null, "not-an-email", "X", "harbour lights", false))
                .hasFieldOrPropertyWithValue("messageKey", "account.email-invalid");
        assertThatThrownBy(() -> accounts.create(null, uniqueEmail(), " ", "harbour lights", false))
                .hasFieldOrPropertyWithValue("messageKey", "account.name-invalid");
        assertThatThrownBy(() -> accounts.create(null, uniqueEmail(), "X", "password1", false))
                .hasFieldOrPropertyWithValue("messageKey", "password.common");
        assertThatThrownBy(() -> accounts.create(null, uniqueEmail(), "X".repeat(201), "harbour lights", false))
                .hasFieldOrPropertyWithValue("messageKey", "account.name-invalid");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void rolesArePerEdition() {
        Account account = accounts.create(null, uniqueEmail(), "Zhou Ming", "harbour lights", false);
        accounts.grant(null, account.id(), "zh-hans", Role.EDITOR);
        accounts.grant(null, account.id(), "en", Role.CONTRIBUTOR);
        accounts.grant(null, account.id(), "en", Role.EDITOR);
        accounts.revoke(null, account.id(), "zh-hans");

        Account reloaded = accounts.find(account.id()).orElseThrow();
        assertThat(reloaded.roleIn("en")).contains(Role.EDITOR);
        assertThat(reloaded.roleIn("zh-hans")).isEmpty();
    }

    @Test
    void theSetupLinkCreatesTheFirstAdminOnceAndOnlyWhenNoUserExists() {
        String token = firstAdmin.newToken();
        assertThat(firstAdmin.isValidToken(token)).isTrue();
        assertThat(firstAdmin.isValidToken(token + "x")).isFalse();

        // Other tests' users exist: the link does nothing.
        accounts.create(null, uniqueEmail(), "Someone", "harbour lights", false);
        assertThatThrownBy(() -> firstAdmin.createWithToken(token, uniqueEmail(), "Admin", "harbour lights"))
                .hasFieldOrPropertyWithValue("messageKey", "admin.setup.invalid");

        // With no users (inside a transaction that is rolled back afterwards), it works once.
        transaction.executeWithoutResult(status -> {
            for (String unlink : List.of("update article set created_by = null, updated_by = null",
                    "update article_revision set saved_by = null", "update article_note set created_by = null",
                    "update review_note set created_by = null",
                    "delete from audit_log", "delete from app_user")) {
                jdbc.sql(unlink).update();
            }
            Account admin = firstAdmin.createWithToken(token, "chief@example.org", "Chief", "harbour lights");
            assertThat(admin.admin()).isTrue();
            assertThat(firstAdmin.isValidToken(token)).isFalse();
            status.setRollbackOnly();
        });
    }

    private long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }
}
