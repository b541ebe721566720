package org.shortwave.cache;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The page cache's filter, placed before Spring Security (a stored page needs nothing after it), and the purge hook. */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    /** Before Spring Security's filters (-100) and the request-context filter (-105). */
    static final int ORDER = -110;

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, PageCacheProperties properties) {
        FilterRegistrationBean<PageCacheFilter> registration =
                new FilterRegistrationBean<>(new PageCacheFilter(cache, properties));
        registration.addUrlPatterns("/*");
        registration.setOrder(ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnProperty("shortwave.purge.url")
    HttpPurgeHook httpPurgeHook(PurgeProperties properties) {
        return new HttpPurgeHook(properties);
    }
}
