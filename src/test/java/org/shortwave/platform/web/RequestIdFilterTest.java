package org.shortwave.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    private String run(String given, AtomicReference<String> logged) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/en/");
        if (given != null) {
            request.addHeader("X-Request-Id", given);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                logged.set(MDC.get("request_id"));
            }
        });
        return response.getHeader("X-Request-Id");
    }

    @Test
    void theIdIsInTheLogContextDuringTheRequestAndInTheResponse() throws Exception {
        AtomicReference<String> logged = new AtomicReference<>();
        String id = run(null, logged);
        assertThat(id).isNotBlank().isEqualTo(logged.get());
        assertThat(MDC.get("request_id")).as("removed after the request").isNull();
    }

    @Test
    void aWellFormedIncomingIdIsKeptAndAnythingElseReplaced() throws Exception {
        AtomicReference<String> logged = new AtomicReference<>();
        assertThat(run("edge-5f2c9a81", logged)).isEqualTo("edge-5f2c9a81");
        assertThat(run("short", logged)).isNotEqualTo("short");
        assertThat(run("a\r\nSet-Cookie: x=y", logged)).doesNotContain("Set-Cookie");
        assertThat(run("x".repeat(65), logged)).hasSize(36);
    }
}
