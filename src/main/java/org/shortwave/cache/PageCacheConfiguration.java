package org.shortwave.cache;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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

    @Bean
    ValveFirst pageCacheValve(PageCache cache) {
        return new ValveFirst(cache);
    }

    /**
     * Puts the valve first in the engine's pipeline: this customizer runs before Spring Boot's own (order 0), which
     * adds the RemoteIpValve, whose work on every request was about a tenth of a hit's CPU time. Requests through a
     * proxy are passed on to it.
     */
    record ValveFirst(PageCache cache) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addEngineValves(new PageCacheValve(cache));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @Bean
    @ConditionalOnProperty("shortwave.purge.url")
    HttpPurgeHook httpPurgeHook(PurgeProperties properties) {
        return new HttpPurgeHook(properties);
    }
}
