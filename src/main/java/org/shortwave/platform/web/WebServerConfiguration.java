package org.shortwave.platform.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded Tomcat's connector: {@link ShortwaveHttpProtocol}. */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> shortwaveHttpProtocol() {
        return factory -> factory.setProtocol(ShortwaveHttpProtocol.class.getName());
    }
}
