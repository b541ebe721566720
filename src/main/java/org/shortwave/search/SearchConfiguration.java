package org.shortwave.search;

import org.shortwave.search.internal.LanguageAnalyzers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    LanguageAnalyzers languageAnalyzers() {
        return new LanguageAnalyzers();
    }
}
