package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.content.EditableArticle;
import org.shortwave.editorial.Action;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.editorial.RevisionDiff;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** An article's revisions: the list, the difference between two, and restoring one as a new save. */
@Controller
class ArticleRevisionsController {

    private final CurrentAccount current;
    private final EditorialWorkflow workflow;
    private final NewsroomChrome pages;

    ArticleRevisionsController(CurrentAccount current, EditorialWorkflow workflow, NewsroomChrome pages) {
        this.current = current;
        this.workflow = workflow;
        this.pages = pages;
    }

    @GetMapping("/admin/articles/{id}/revisions")
    ModelAndView revisions(HttpServletRequest request, @PathVariable long id,
            @RequestParam(defaultValue = "0") int from, @RequestParam(defaultValue = "0") int to) {
        Account user = current.require();
        EditableArticle article = workflow.open(user, id);
        var revisions = workflow.revisions(user, id);
        var left = revisions.stream().filter(r -> r.version() == from).findFirst().orElse(null);
        var right = revisions.stream().filter(r -> r.version() == to).findFirst().orElse(null);
        return new ModelAndView("admin/revisions", Map.of("chrome", pages.chrome(request, "editor.revisions.title", user),
                "article", article, "revisions", revisions,
                "diff", left == null || right == null ? List.of() : RevisionDiff.between(left.content(), right.content()),
                "from", from, "to", to, "mayEdit", workflow.available(user, article).contains(Action.EDIT)));
    }

    @PostMapping("/admin/articles/{id}/restore")
    ModelAndView restore(@PathVariable long id, @RequestParam int revision, @RequestParam int version) {
        workflow.restore(current.require(), id, revision, version);
        return EditorPages.saved(id);
    }
}
