package org.shortwave.editorial.web;

import java.time.ZoneId;
import java.util.List;
import org.shortwave.editorial.Draft;

/**
 * What the editor says about the user's unsaved text (ADR 0021). {@code offered}: a draft newer than the article's
 * current version, with Restore and Discard (the form shows the saved text). {@code restored}: the form shows the
 * draft ({@code keptOp} set when it was a form posted after the session ended: the button its writer had pressed).
 * {@code newDrafts}: the user's unsaved new articles, offered on the new-article page and the article list.
 */
public record Recovery(Draft offered, Draft restored, String keptOp, NewDrafts newDrafts, int currentVersion,
        ZoneId zone) {

    static final Recovery NONE = new Recovery(null, null, null, NewDrafts.NONE, 0, ZoneId.of("UTC"));

    /** A user's unsaved new articles, each with its edition's time zone. */
    public record NewDrafts(List<Draft> drafts, java.util.Map<String, ZoneId> zones) {

        static final NewDrafts NONE = new NewDrafts(List.of(), java.util.Map.of());

        static NewDrafts of(List<Draft> drafts, org.shortwave.i18n.Editions editions) {
            java.util.Map<String, ZoneId> zones = new java.util.HashMap<>();
            for (Draft draft : drafts) {
                editions.find(draft.editionCode()).ifPresent(e -> zones.put(e.code(), e.timeZone()));
            }
            return new NewDrafts(drafts, zones);
        }

        public String at(Draft draft) {
            return EditionTime.shown(draft.savedAt(), zones.getOrDefault(draft.editionCode(), ZoneId.of("UTC")));
        }
    }

    public boolean stale(Draft draft) {
        return draft.articleId() != null && draft.baseVersion() < currentVersion;
    }

    public String at(Draft draft) {
        return EditionTime.shown(draft.savedAt(), zone);
    }

    /** The headline a new article's draft has so far, or "" (the page then says it has none yet). */
    public static String headline(Draft draft) {
        return draft.value("headline").strip();
    }

    public static String restoreHref(Draft draft) {
        return draft.articleId() != null ? "/admin/articles/" + draft.articleId() + "?draft=restore"
                : "/admin/articles/new?edition=" + draft.editionCode() + "&draft=" + draft.draftKey();
    }

    public static String discardAction(Draft draft) {
        return draft.articleId() != null ? "/admin/articles/" + draft.articleId() + "/draft/discard"
                : "/admin/articles/drafts/" + draft.draftKey() + "/discard";
    }

    /** The interface text of the button a kept form's writer had pressed. */
    public String keptButtonKey() {
        return switch (keptOp == null ? "save" : keptOp) {
            case "submit" -> "editor.action.submit";
            case "reject" -> "editor.action.reject";
            case "publish" -> "editor.action.publish";
            case "schedule" -> "editor.action.schedule";
            case "withdraw" -> "editor.action.withdraw";
            case "unpublish" -> "editor.action.unpublish";
            default -> "editor.save";
        };
    }
}
