package org.shortwave.editorial.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.BodyJson;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.SearchAppearance;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.StoryVersion;
import org.shortwave.editorial.ArticleNotFoundException;
import org.shortwave.editorial.EditorialWorkflow;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API, {@code /api/admin/v1}: the editor's actions as JSON, for API tokens, with exactly the editor's
 * rules (the same {@link EditorialWorkflow}). Described in {@code /api/admin/v1/openapi.json}; errors are JSON
 * with the field at fault ({@link AdminApiErrors}).
 */
@RestController
class AdminApiController {

    private final CurrentAccount current;
    private final EditorialWorkflow workflow;
    private final NewsroomArticles articles;

    AdminApiController(CurrentAccount current, EditorialWorkflow workflow, NewsroomArticles articles) {
        this.current = current;
        this.workflow = workflow;
        this.articles = articles;
    }

    /** An article as sent: every field; {@code version} is the version a change is based on. */
    record ArticleRequest(String edition, Long section, String headline, String slug, String lead, String dateline,
            List<Object> body, Long mainImage, List<Long> authors, List<Long> topics, String copyright,
            Integer version, String searchDescription, String socialTitle, Long socialImage) {

        ArticleContent content(String editionCode) {
            if (section == null) {
                throw new IllegalArgumentException("section must be given");
            }
            return new ArticleContent(editionCode, section, headline, slug, lead, dateline,
                    BodyJson.fromTree(body == null ? List.of() : body), mainImage,
                    authors == null ? List.of() : authors, topics == null ? List.of() : topics, copyright,
                    new SearchAppearance(searchDescription, socialTitle, socialImage));
        }
    }

    /** A workflow action: the version it is based on, and for publishing an optional time and embargo. */
    record ActionRequest(Integer version, Instant publishAt, Instant embargoUntil) {
    }

    record ArticleResponse(long id, String edition, String status, int version, long section, String headline,
            String slug, String lead, String dateline, List<Map<String, Object>> body, Long mainImage,
            List<Long> authors, List<Long> topics, String copyright, Instant publishedAt, Instant embargoUntil,
            String path, String searchDescription, String socialTitle, Long socialImage) {

        static ArticleResponse of(EditableArticle a) {
            ArticleContent c = a.content();
            return new ArticleResponse(a.id(), c.editionCode(), a.status().dbValue(), a.version(), c.sectionId(),
                    c.headline(), c.slug(), c.lead(), c.dateline(), BodyJson.toTree(c.body()), c.mainImageId(),
                    c.authorIds(), c.topicIds(), c.copyrightHolder(), a.publishedAt(), a.embargoUntil(), a.path(),
                    c.appearance().description(), c.appearance().socialTitle(), c.appearance().socialImageId());
        }
    }

    @GetMapping("/api/admin/v1/articles/{id}")
    ArticleResponse get(@PathVariable long id) {
        return ArticleResponse.of(workflow.open(user(), id));
    }

    @PostMapping("/api/admin/v1/articles")
    ResponseEntity<ArticleResponse> create(@RequestBody ArticleRequest request) {
        if (request.edition() == null || request.edition().isBlank()) {
            throw new IllegalArgumentException("edition must be given");
        }
        long id = workflow.create(user(), request.content(request.edition()));
        return ResponseEntity.status(HttpStatus.CREATED).body(read(id));
    }

    @PutMapping("/api/admin/v1/articles/{id}")
    ArticleResponse update(@PathVariable long id, @RequestBody ArticleRequest request) {
        Account user = user();
        EditableArticle article = workflow.open(user, id);
        workflow.save(user, id, version(request.version()), request.content(article.content().editionCode()));
        return read(id);
    }

    @PostMapping("/api/admin/v1/articles/{id}/submit")
    ArticleResponse submit(@PathVariable long id, @RequestBody ActionRequest request) {
        workflow.submit(user(), id, version(request.version()));
        return read(id);
    }

    @PostMapping("/api/admin/v1/articles/{id}/publish")
    ArticleResponse publish(@PathVariable long id, @RequestBody ActionRequest request) {
        workflow.publish(user(), id, version(request.version()), request.publishAt(), request.embargoUntil());
        return read(id);
    }

    @PostMapping("/api/admin/v1/articles/{id}/unpublish")
    ArticleResponse unpublish(@PathVariable long id, @RequestBody ActionRequest request) {
        workflow.unpublish(user(), id, version(request.version()));
        return read(id);
    }

    /** A link to another language version: the other article's id. */
    record TranslationRequest(Long article) {
    }

    /** A language version; one the caller may neither open nor read publicly has only its edition (the rest null). */
    record VersionResponse(Long id, String edition, String headline, String status, Long derivedFrom,
            Boolean followsSource) {

        static VersionResponse of(StoryVersion v) {
            return v.isWithheld() ? new VersionResponse(null, v.editionCode(), null, null, null, null)
                    : new VersionResponse(v.id(), v.editionCode(), v.headline(), v.status().dbValue(), v.derivedFrom(),
                            v.followsSource());
        }
    }

    @GetMapping("/api/admin/v1/articles/{id}/translations")
    List<VersionResponse> translations(@PathVariable long id) {
        return versions(id);
    }

    @PostMapping("/api/admin/v1/articles/{id}/translations")
    List<VersionResponse> link(@PathVariable long id, @RequestBody TranslationRequest request) {
        if (request.article() == null) {
            throw new IllegalArgumentException("article must be given");
        }
        workflow.linkTranslation(user(), id, request.article());
        return versions(id);
    }

    @DeleteMapping("/api/admin/v1/articles/{id}/translations")
    List<VersionResponse> unlink(@PathVariable long id) {
        workflow.unlinkTranslation(user(), id);
        return versions(id);
    }

    private List<VersionResponse> versions(long id) {
        return workflow.versions(user(), id).stream().map(VersionResponse::of).toList();
    }

    @GetMapping(path = "/api/admin/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Resource openApi() {
        return new ClassPathResource("api/admin-v1.openapi.json");
    }

    private ArticleResponse read(long id) {
        return ArticleResponse.of(articles.find(id).orElseThrow(() -> new ArticleNotFoundException(id)));
    }

    private Account user() {
        return current.require();
    }

    private static int version(Integer version) {
        if (version == null) {
            throw new IllegalArgumentException("version must be given");
        }
        return version;
    }
}
