package org.shortwave.distribution.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags for the machine-read surfaces (content API, feeds, sitemaps): Spring's filter hashes the response and answers
 * a matching {@code If-None-Match} with 304, so pollers that come every minute download nothing new.
 */
@Configuration(proxyBeanMethods = false)
class EtagConfiguration {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> distributionEtags() {
        ShallowEtagHeaderFilter filter = new ShallowEtagHeaderFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI();
                return !(path.startsWith("/api/") || path.startsWith("/sitemap") || path.endsWith("/sitemap-news.xml")
                        || path.matches(".*/feed\\.(rss|atom|json)"));
            }
        };
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
