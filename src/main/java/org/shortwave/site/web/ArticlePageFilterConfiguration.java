package org.shortwave.site.web;

import gg.jte.TemplateEngine;
import org.shortwave.i18n.Editions;
import org.shortwave.site.SitePages;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Places {@link ArticlePageFilter} inside the readers' turns (order -109), after Spring's request context (-105,
 * which {@code PageCaching}'s marks need) and before the security chain (-100).
 */
@Configuration(proxyBeanMethods = false)
class ArticlePageFilterConfiguration {

    static final int ORDER = -104;

    @Bean
    FilterRegistrationBean<ArticlePageFilter> articlePageFilter(Editions editions, SitePages pages,
            TemplateEngine templates) {
        FilterRegistrationBean<ArticlePageFilter> registration =
                new FilterRegistrationBean<>(new ArticlePageFilter(editions, pages, templates));
        registration.addUrlPatterns("/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
