package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleStatus;

/** Every cell of the table: role x action x own or someone else's article x the article's state. */
class PermissionsTest {

    static final Account ADMIN = new Account(1, "admin@x.org", "Admin", true, true, Map.of());
    static final Account EDITOR = new Account(2, "editor@x.org", "Editor", false, true, Map.of("zh-hans", Role.EDITOR));
    static final Account CONTRIBUTOR = new Account(3, "writer@x.org", "Writer", false, true, Map.of("zh-hans", Role.CONTRIBUTOR));
    static final Account OUTSIDER = new Account(4, "other@x.org", "Other", false, true, Map.of("en", Role.EDITOR));
    /** An editor of the traditional-Chinese edition: every right there, none in English or simplified Chinese. */
    static final Account TRADITIONAL_EDITOR = new Account(6, "hant@x.org", "Hant", false, true,
            Map.of("zh-hant", Role.EDITOR));
    static final Account DISABLED_ADMIN = new Account(5, "gone@x.org", "Gone", true, false, Map.of());

    static Stream<Arguments> cells() {
        Stream.Builder<Arguments> cells = Stream.builder();
        for (Action action : Action.values()) {
            for (boolean own : new boolean[] {true, false}) {
                for (ArticleStatus status : ArticleStatus.values()) {
                    cells.add(Arguments.of(ADMIN, action, own, status, true));
                    cells.add(Arguments.of(EDITOR, action, own, status, true));
                    cells.add(Arguments.of(OUTSIDER, action, own, status, false));
                    cells.add(Arguments.of(TRADITIONAL_EDITOR, action, own, status, false));
                    cells.add(Arguments.of(DISABLED_ADMIN, action, own, status, false));
                    boolean contributor = action == Action.CREATE
                            || own && (action == Action.VIEW
                                    || status == ArticleStatus.DRAFT && (action == Action.EDIT || action == Action.SUBMIT)
                                    || status == ArticleStatus.IN_REVIEW && action == Action.WITHDRAW);
                    cells.add(Arguments.of(CONTRIBUTOR, action, own, status, contributor));
                }
            }
        }
        return cells.build();
    }

    @ParameterizedTest(name = "{0} {1} own={2} {3} -> {4}")
    @MethodSource("cells")
    void theTable(Account user, Action action, boolean own, ArticleStatus status, boolean allowed) {
        assertThat(Permissions.allows(user, action, "zh-hans", own, status)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void rightsInOneEditionGiveNothingInAnother(Account user) {
        boolean expected = user == ADMIN;
        for (Action action : Action.values()) {
            assertThat(Permissions.allows(user, action, "ar", true, ArticleStatus.DRAFT)).isEqualTo(expected);
        }
    }

    static Stream<Account> users() {
        return Stream.of(ADMIN, EDITOR, CONTRIBUTOR, OUTSIDER, TRADITIONAL_EDITOR);
    }

    @org.junit.jupiter.api.Test
    void anEditorOfTraditionalChineseCannotPublishInEnglishButCanInTraditionalChinese() {
        assertThat(Permissions.allows(TRADITIONAL_EDITOR, Action.PUBLISH, "en", false, ArticleStatus.IN_REVIEW))
                .isFalse();
        assertThat(Permissions.allows(TRADITIONAL_EDITOR, Action.PUBLISH, "zh-hant", false, ArticleStatus.IN_REVIEW))
                .isTrue();
    }

    @org.junit.jupiter.api.Test
    void sectionsAndTopicsAreForAdminsAndTheEditionsEditorsPeopleForAnyEditor() {
        assertThat(Permissions.mayManageTaxonomy(ADMIN, "zh-hans")).isTrue();
        assertThat(Permissions.mayManageTaxonomy(EDITOR, "zh-hans")).isTrue();
        assertThat(Permissions.mayManageTaxonomy(CONTRIBUTOR, "zh-hans")).isFalse();
        assertThat(Permissions.mayManageTaxonomy(OUTSIDER, "zh-hans")).isFalse();
        assertThat(Permissions.mayManageTaxonomy(TRADITIONAL_EDITOR, "zh-hans")).isFalse();
        assertThat(Permissions.mayManageTaxonomy(DISABLED_ADMIN, "zh-hans")).isFalse();
        assertThat(Permissions.mayManageTaxonomy(null, "zh-hans")).isFalse();

        assertThat(Permissions.mayManagePeople(ADMIN)).isTrue();
        assertThat(Permissions.mayManagePeople(EDITOR)).isTrue();
        assertThat(Permissions.mayManagePeople(OUTSIDER)).isTrue();
        assertThat(Permissions.mayManagePeople(CONTRIBUTOR)).isFalse();
        assertThat(Permissions.mayManagePeople(DISABLED_ADMIN)).isFalse();
        assertThat(Permissions.mayManagePeople(null)).isFalse();
    }
}
