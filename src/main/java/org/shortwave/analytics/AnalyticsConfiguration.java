package org.shortwave.analytics;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on scheduled tasks: the page-view flush. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AnalyticsConfiguration {
}
