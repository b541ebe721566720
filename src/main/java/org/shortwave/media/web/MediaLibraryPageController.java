package org.shortwave.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.i18n.Editions;
import org.shortwave.media.MediaFilter;
import org.shortwave.media.MediaItem;
import org.shortwave.media.MediaLibrary;
import org.shortwave.media.MediaUsage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The newsroom's media library ({@code GET /admin/media}): thumbnails, search by description and credit, filters
 * by edition and kind, pages, each item's use in stories and a way to reuse it; and the same list as JSON for the
 * editor's picker ({@code ?format=json}). Both list only what the user may see ({@link MediaLibrary#visibleTo}).
 */
@Controller
class MediaLibraryPageController {

    static final int PAGE_SIZE = 24;

    private final CurrentAccount current;
    private final MediaLibrary library;
    private final MediaUsage usage;
    private final Editions editions;
    private final NewsroomChrome chrome;

    MediaLibraryPageController(CurrentAccount current, MediaLibrary library, MediaUsage usage, Editions editions,
            NewsroomChrome chrome) {
        this.current = current;
        this.library = library;
        this.usage = usage;
        this.editions = editions;
        this.chrome = chrome;
    }

    /** One page of the library: its items, and whether a next one exists. */
    record Found(List<MediaItem> items, boolean more) {
    }

    @GetMapping(path = "/admin/media", params = "format=json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> json(@RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String edition,
            @RequestParam(defaultValue = "1") String page) {
        int number = page(page);
        Found found = find(current.require(), q, kind, edition, number);
        List<Map<String, Object>> items = found.items().stream().map(MediaLibraryPageController::pickerItem).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("next", found.more() ? number + 1 : null);
        return ResponseEntity.ok().header("Cache-Control", "private, no-store").body(answer);
    }

    @GetMapping("/admin/media")
    ModelAndView page(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String edition, @RequestParam(defaultValue = "1") String page) {
        Account user = current.require();
        int number = page(page);
        Found found = find(user, q, kind, edition, number);
        response.setHeader("Cache-Control", "private, no-store");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("chrome", chrome.chrome(request, "media.library.title", user));
        model.put("items", found.items());
        model.put("uses", usage.of(user, found.items().stream().map(MediaItem::id).toList()));
        model.put("editions", editions.all());
        model.put("q", q);
        model.put("kind", kindOf(kind) == null ? "" : kindOf(kind));
        model.put("edition", editions.find(edition).isPresent() ? edition : "");
        model.put("page", number);
        model.put("more", found.more());
        return new ModelAndView("admin/media", model);
    }

    private Found find(Account user, String q, String kind, String edition, int page) {
        String only = editions.find(edition).isPresent() ? edition : null;
        String words = q.length() > 200 ? q.substring(0, 200) : q;
        // One more than a page, to know whether there is a next one.
        List<MediaItem> items = library.visibleTo(user,
                new MediaFilter(kindOf(kind), words, only, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1));
        boolean more = items.size() > PAGE_SIZE;
        return new Found(more ? items.subList(0, PAGE_SIZE) : items, more);
    }

    /** What the picker needs of an item: the smallest rendition as its thumbnail. */
    private static Map<String, Object> pickerItem(MediaItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("kind", item.kind());
        json.put("alt", item.isImage() ? item.altText() : item.title());
        json.put("caption", item.caption());
        json.put("credit", item.credit());
        json.put("thumbnail", thumbnail(item));
        json.put("width", item.width());
        json.put("height", item.height());
        return json;
    }

    static String thumbnail(MediaItem item) {
        if (!item.isImage()) {
            return null;
        }
        return item.renditions().isEmpty() ? item.url() : item.renditions().getFirst().url();
    }

    private static String kindOf(String kind) {
        return "image".equals(kind) || "video".equals(kind) ? kind : null;
    }

    /** A page number from 1 to 10,000; anything else is the first page. */
    private static int page(String page) {
        return page.matches("[1-9][0-9]{0,3}") ? Integer.parseInt(page) : 1;
    }
}
