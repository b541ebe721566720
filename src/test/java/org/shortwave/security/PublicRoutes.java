package org.shortwave.security;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The public GET routes, read from the application's route table, so that a route added later is probed by the
 * security tests without anyone remembering to list it.
 */
final class PublicRoutes {

    private PublicRoutes() {
    }

    /** Every GET route pattern outside the newsroom and its API (and the error page). */
    static List<String> of(RequestMappingHandlerMapping routes) {
        Set<String> found = new TreeSet<>();
        routes.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/admin") && !pattern.startsWith("/api/admin") && !pattern.equals("/error")) {
                    found.add(pattern);
                }
            }
        });
        return List.copyOf(found);
    }
}
