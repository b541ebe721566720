package org.shortwave.operations.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.operations.NodeHealth;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/health}: the health of the node that answers, for admins (database, search index against the
 * database, change-log lag, disk, media store). Each node answers for itself; behind a load balancer, reload to see
 * another, or ask each node's management port ({@code /actuator/health}).
 */
@Controller
class HealthPageController {

    private final NodeHealth health;
    private final CurrentAccount current;
    private final NewsroomChrome chrome;

    HealthPageController(NodeHealth health, CurrentAccount current, NewsroomChrome chrome) {
        this.health = health;
        this.current = current;
        this.chrome = chrome;
    }

    @GetMapping("/admin/health")
    ModelAndView page(HttpServletRequest request) {
        Account user = current.require();
        if (!user.admin()) {
            return new ModelAndView("admin/problem", Map.of("chrome", chrome.chrome(request, "editor.problem.title",
                    user), "messageKey", "editor.not-allowed"), HttpStatus.FORBIDDEN);
        }
        return new ModelAndView("admin/health", Map.of("chrome", chrome.chrome(request, "admin.health.title", user),
                "report", health.check()));
    }
}
