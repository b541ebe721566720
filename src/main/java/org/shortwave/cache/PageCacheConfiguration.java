package org.shortwave.cache;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The page cache's filter, placed before Spring Security (a stored page needs nothing after it), the valve that
 * answers hits before any filter, and the purge hook.
 */
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

    /**
     * After Spring Boot's own customizer (order 0), so that the valve comes after the RemoteIpValve it adds: a hit
     * behind a proxy still knows whether the reader came over HTTPS (HSTS).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageCacheValve(PageCache cache) {
        return factory -> factory.addEngineValves(new PageCacheValve(cache));
    }

    @Bean
    @ConditionalOnProperty("shortwave.purge.url")
    HttpPurgeHook httpPurgeHook(PurgeProperties properties) {
        return new HttpPurgeHook(properties);
    }
}
