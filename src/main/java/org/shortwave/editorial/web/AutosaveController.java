package org.shortwave.editorial.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.editorial.Drafts;
import org.shortwave.i18n.Messages;
import org.shortwave.platform.Refusal;
import org.shortwave.platform.web.RefusalStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The editor's autosave (docs/newsroom.md, ADR 0021): the form's fields as on screen, kept as the user's draft.
 * 200 {@code saved}; 409 {@code conflict} when the article has a newer version than the text's (the draft is kept
 * all the same, so both texts live); refusals as JSON with a state, a code and a message in the user's language.
 */
@RestController
class AutosaveController {

    private final CurrentAccount current;
    private final Drafts drafts;
    private final Messages messages;

    AutosaveController(CurrentAccount current, Drafts drafts, Messages messages) {
        this.current = current;
        this.drafts = drafts;
        this.messages = messages;
    }

    @PostMapping("/admin/articles/{id}/autosave")
    ResponseEntity<Map<String, Object>> article(@PathVariable long id, @RequestParam MultiValueMap<String, String> form) {
        return answer(drafts.autosave(current.require(), id, form));
    }

    @PostMapping("/admin/articles/autosave")
    ResponseEntity<Map<String, Object>> newArticle(@RequestParam(defaultValue = "") String edition,
            @RequestParam(defaultValue = "") String draftKey, @RequestParam MultiValueMap<String, String> form) {
        return answer(drafts.autosaveNew(current.require(), edition, key(draftKey), form));
    }

    static UUID key(String draftKey) {
        try {
            return draftKey.isBlank() ? null : UUID.fromString(draftKey.strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, "draftKey", "editor.autosave.no-key");
        }
    }

    private static ResponseEntity<Map<String, Object>> answer(Drafts.Saved saved) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", saved.conflict() ? "conflict" : "saved");
        body.put("savedAt", saved.draft().savedAt().toString());
        if (saved.draft().draftKey() != null) {
            body.put("draftKey", saved.draft().draftKey().toString());
        }
        if (saved.draft().articleId() != null) {
            body.put("currentVersion", saved.currentVersion());
        }
        return ResponseEntity.status(saved.conflict() ? HttpStatus.CONFLICT : HttpStatus.OK)
                .cacheControl(CacheControl.noStore()).body(body);
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> refused(Refusal e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", switch (e.kind()) {
            case NOT_ALLOWED -> "not-allowed";
            case NOT_FOUND -> "not-found";
            case TOO_LARGE -> "too-large";
            default -> "invalid";
        });
        body.put("code", e.messageKey());
        body.put("message", messages.forLocale(LocaleContextHolder.getLocale()).format(e.messageKey(), e.args()));
        if (e.field() != null) {
            body.put("field", e.field());
        }
        return ResponseEntity.status(RefusalStatus.of(e)).cacheControl(CacheControl.noStore()).body(body);
    }

    /** An article id that is not a number (or too large for one) names no article. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> noSuchArticle() {
        return refused(new Refusal(Refusal.Kind.NOT_FOUND, null, "editor.not-found"));
    }
}
