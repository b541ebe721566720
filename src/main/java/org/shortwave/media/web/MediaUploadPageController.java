package org.shortwave.media.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.media.MediaItem;
import org.shortwave.media.MediaLibrary;
import org.shortwave.media.RejectedUploadException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The newsroom's upload page, a plain HTML form (works without JavaScript): the same checks as the JSON endpoint,
 * and a refused upload shows its reason beside the form with what was typed kept.
 */
@Controller
class MediaUploadPageController {

    private final MediaAdminController uploads;
    private final MediaLibrary library;
    private final Accounts accounts;
    private final NewsroomChrome chrome;

    MediaUploadPageController(MediaAdminController uploads, MediaLibrary library, Accounts accounts,
            NewsroomChrome chrome) {
        this.uploads = uploads;
        this.library = library;
        this.accounts = accounts;
        this.chrome = chrome;
    }

    @GetMapping("/admin/media/new")
    ModelAndView form(HttpServletRequest request, Principal user, @RequestParam(required = false) Long uploaded,
            @RequestParam(defaultValue = "") String article) {
        Account viewer = accounts.findByEmail(user.getName()).orElse(null);
        MediaItem item = uploaded == null ? null : library.findVisibleTo(viewer, uploaded).orElse(null);
        return page(request, user, item, "", Map.of(), HttpStatus.OK, article);
    }

    @PostMapping(path = "/admin/media/new", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ModelAndView upload(HttpServletRequest request, Principal user, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String alt, @RequestParam(defaultValue = "") String caption,
            @RequestParam(defaultValue = "") String credit, @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) MultipartFile poster, @RequestParam(required = false) MultipartFile captions,
            @RequestParam(defaultValue = "") String captionsLang, @RequestParam(defaultValue = "") String article)
            throws IOException {
        Account actor = accounts.findByEmail(user.getName()).orElseThrow();
        Map<String, String> typed = Map.of("alt", alt, "caption", caption, "credit", credit, "title", title,
                "captionsLang", captionsLang);
        try {
            MediaItem item = uploads.store(file, alt, caption, credit, title, poster, captions,
                    captionsLang.isBlank() ? null : captionsLang, actor, MediaAdminController.owningEdition(actor, null));
            Long story = storyId(article);
            return new ModelAndView("redirect:/admin/media/new?uploaded=" + item.id()
                    + (story == null ? "" : "&article=" + story));
        } catch (RejectedUploadException e) {
            String message = chrome.chrome(request, "media.upload.title", actor).t(e.messageKey(), e.args());
            return page(request, user, null, message, typed, UploadError.statusOf(e.reason()), article);
        }
    }

    /**
     * @param article the story the page was opened from (its editor stays open in its own tab), for the link back;
     *                only a well-formed id is kept, and the editor checks the rights when it is followed
     */
    private ModelAndView page(HttpServletRequest request, Principal user, MediaItem uploaded, String message,
            Map<String, String> typed, HttpStatus status, String article) {
        Account actor = accounts.findByEmail(user.getName()).orElseThrow();
        Map<String, Object> model = new java.util.HashMap<>(Map.of("chrome",
                chrome.chrome(request, "media.upload.title", actor), "uploaded", java.util.Optional.ofNullable(uploaded),
                "message", message, "typed", typed));
        model.put("article", storyId(article));
        return new ModelAndView("admin/upload", model, status);
    }

    private static Long storyId(String article) {
        return article.matches("[1-9][0-9]{0,17}") ? Long.valueOf(article) : null;
    }
}
