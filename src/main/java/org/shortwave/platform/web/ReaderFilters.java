package org.shortwave.platform.web;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters around readers' requests, placed about the page cache's (cache.PageCacheConfiguration, order -110):
 * {@link UnavailableAnswers} outside it, so a stored page is still preferred to a 503, and {@link ReaderAdmission}
 * inside it, so that only requests that render wait for a turn.
 */
@Configuration(proxyBeanMethods = false)
class ReaderFilters {

    @Bean
    ReaderAdmission readerAdmission(DataSource dataSource,
            @Value("${shortwave.readers.renders:0}") int renders,
            @Value("${shortwave.readers.render-wait:2s}") Duration renderWait) {
        return new ReaderAdmission(renders > 0 ? renders : ReaderAdmission.rendersFor(dataSource), renderWait);
    }

    @Bean
    FilterRegistrationBean<ReaderAdmission> readerAdmissionFilter(ReaderAdmission admission) {
        FilterRegistrationBean<ReaderAdmission> registration = new FilterRegistrationBean<>(admission);
        registration.addUrlPatterns("/*");
        registration.setOrder(-109);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UnavailableAnswers> unavailableAnswersFilter() {
        FilterRegistrationBean<UnavailableAnswers> registration = new FilterRegistrationBean<>(new UnavailableAnswers());
        registration.addUrlPatterns("/*");
        registration.setOrder(-111);
        return registration;
    }
}
