package org.shortwave.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ErrorHandler;

/**
 * Background jobs (the publish scheduler, the most-read check, the change feed's follow-ups) run on Spring's
 * scheduler. A job that fails because the database is away logs one line per half minute for all jobs
 * ({@link FloodLog}), not a stack trace every few seconds; any other failure is an error with its trace.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    @Bean
    JobErrors jobErrors() {
        return new JobErrors(new FloodLog(log, "Scheduled jobs failed, the database being unreachable",
                Duration.ofSeconds(30)));
    }

    /** The scheduler used with virtual threads (spring.threads.virtual.enabled, as configured). */
    @Bean
    SimpleAsyncTaskSchedulerCustomizer virtualThreadJobErrors(JobErrors errors) {
        return scheduler -> scheduler.setErrorHandler(errors);
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer platformThreadJobErrors(JobErrors errors) {
        return scheduler -> scheduler.setErrorHandler(errors);
    }

    record JobErrors(FloodLog outage) implements ErrorHandler {

        @Override
        public void handleError(Throwable failure) {
            if (DatabaseOutage.isCause(failure)) {
                outage.report(failure);
            } else {
                log.error("A scheduled job failed", failure);
            }
        }
    }
}
