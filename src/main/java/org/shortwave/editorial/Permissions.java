package org.shortwave.editorial;

import java.util.Set;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleStatus;

/**
 * Who may do what, per edition. Admins: everything. Editors of an edition: everything in it. Contributors of an
 * edition: create, and read, edit and submit their own drafts, and withdraw them from review. Anyone else: nothing.
 * The table is tested cell by cell in {@code PermissionsTest}.
 */
public final class Permissions {

    private static final Set<Action> CONTRIBUTOR_OWN_DRAFT = Set.of(Action.VIEW, Action.EDIT, Action.SUBMIT);
    private static final Set<Action> CONTRIBUTOR_OWN = Set.of(Action.VIEW);
    private static final Set<Action> CONTRIBUTOR_OWN_IN_REVIEW = Set.of(Action.VIEW, Action.WITHDRAW);

    private Permissions() {
    }

    /**
     * @param own whether the user created the article (for {@link Action#CREATE}, ignored)
     * @param status the article's state (for {@link Action#CREATE}, ignored)
     */
    public static boolean allows(Account user, Action action, String editionCode, boolean own, ArticleStatus status) {
        if (user == null || !user.enabled()) {
            return false;
        }
        if (user.admin()) {
            return true;
        }
        Role role = user.roleIn(editionCode).orElse(null);
        if (role == null) {
            return false;
        }
        return switch (role) {
            case EDITOR -> true;
            case CONTRIBUTOR -> action == Action.CREATE
                    || own && (status == ArticleStatus.DRAFT ? CONTRIBUTOR_OWN_DRAFT
                            : status == ArticleStatus.IN_REVIEW ? CONTRIBUTOR_OWN_IN_REVIEW : CONTRIBUTOR_OWN)
                            .contains(action);
        };
    }

    /**
     * Sections and topics of an edition (they shape its public menu and addresses): admins, and the edition's
     * editors. Contributors file stories in them but do not change them.
     */
    public static boolean mayManageTaxonomy(Account user, String editionCode) {
        if (user == null || !user.enabled()) {
            return false;
        }
        return user.admin() || user.roleIn(editionCode).orElse(null) == Role.EDITOR;
    }

    /** People (authors) are shared by every edition: admins, and whoever is an editor in some edition. */
    public static boolean mayManagePeople(Account user) {
        if (user == null || !user.enabled()) {
            return false;
        }
        return user.admin() || user.roles().containsValue(Role.EDITOR);
    }
}
