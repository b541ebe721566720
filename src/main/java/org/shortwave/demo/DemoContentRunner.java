package org.shortwave.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Loads the demo site at start-up unless {@code shortwave.demo-content=false}. */
@Component
@ConditionalOnBooleanProperty(name = "shortwave.demo-content", matchIfMissing = true)
class DemoContentRunner implements ApplicationRunner {

    private final DemoContent demo;

    DemoContentRunner(DemoContent demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.load();
    }
}
