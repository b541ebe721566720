package org.shortwave.platform.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The embedded Tomcat: its connector ({@link ShortwaveHttpProtocol}), its own error answers
 * ({@link TomcatErrorReports}), and the filter that refuses unreadable parameters ({@link MalformedRequests}).
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> shortwaveHttpProtocol() {
        return factory -> {
            factory.setProtocol(ShortwaveHttpProtocol.class.getName());
            // The host adds this valve when it starts; it answers before Spring Boot's plain ErrorReportValve.
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(TomcatErrorReports.class.getName());
                }
            });
        };
    }

    @Bean
    FilterRegistrationBean<MalformedRequests> malformedRequestsFilter() {
        FilterRegistrationBean<MalformedRequests> registration = new FilterRegistrationBean<>(new MalformedRequests());
        registration.addUrlPatterns("/*");
        // Just after SecurityHeadersFilter, before Spring Security; on the error dispatch too (see the class).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
