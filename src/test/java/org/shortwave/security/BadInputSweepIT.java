package org.shortwave.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.NewsroomBrowser;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.platform.web.BadInput;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application (read from Spring's route table, so a new one is swept too), public and
 * newsroom, anonymous and signed in, gets what no client should send: parameters that are not UTF-8, 2,000
 * parameters, a broken multipart body, values of the wrong type. And Tomcat gets requests it refuses by itself
 * (raw bytes, which HttpClient will not send). No answer is a 500, every answer carries the security headers, the
 * APIs answer JSON, and the log has at most one line per kind of refusal and interval, never a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSweepIT extends AppTestBase {

    private static final String PASSWORD = "sweep the harbour clean";
    private static final String BROKEN_MULTIPART = "--sweep\r\nContent-Disposition: form-data; name=\"file\"; "
            + "filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private NewsroomBrowser admin;
    private String csrf;
    private String token;

    @BeforeAll
    void callers() {
        Account account = accounts.create(null, "sweep-" + UUID.randomUUID() + "@example.org", "Sweep", PASSWORD,
                true);
        token = tokens.create(account, "sweep");
        admin = new NewsroomBrowser(this::uri);
        assertThat(admin.signIn(account.email(), PASSWORD).statusCode()).isEqualTo(302);
        csrf = admin.csrf("/admin/articles/new");
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
    }

    @AfterAll
    void stopCapture() {
        root.detachAppender(logs);
    }

    record Answer(String request, int status, String contentType, boolean secured) {
    }

    @Test
    void noInputAnswersA500AndEveryAnswerIsSecuredAndTheLogStaysQuiet() {
        long started = System.nanoTime();
        List<Answer> answers = new ArrayList<>();
        Set<String> swept = new TreeSet<>();
        String manyParameters = "p0=1" + "&p=1".repeat(1_999);
        routes.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = fill(pattern);
                for (RequestMethod verb : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    swept.add(verb + " " + pattern);
                    for (Caller caller : Caller.values()) {
                        if (!caller.reaches(path)) {
                            continue;
                        }
                        String name = verb.name();
                        answers.add(send(caller, name, path + "?q=%ff&size=%C3%28&page=%E0%80%80", null, null));
                        answers.add(send(caller, name, path + "?" + manyParameters, null, null));
                        answers.add(send(caller, name, path + "?size=abc&page=-1&id=x&edition=1.5&from=yesterday",
                                null, null));
                        answers.add(send(caller, name, path + "?q=a%00b&edition=%00", null, null));
                        answers.add(send(caller, "POST".equals(name) || "PUT".equals(name) ? name : "POST", path,
                                "multipart/form-data; boundary=sweep", BROKEN_MULTIPART));
                        if (!"GET".equals(name) && !"HEAD".equals(name)) {
                            answers.add(send(caller, name, path, "application/json",
                                    "{\"section\":1.5,\"headline\":[\"x\"],\"version\":\"two\",\"body\":{}}"));
                            answers.add(send(caller, name, path, "application/json", "{\"headline\":\"\\ud800\"}"));
                            answers.add(send(caller, name, path, "application/x-www-form-urlencoded",
                                    "_csrf=" + csrf + "&headline=%ff&" + manyParameters));
                        }
                    }
                }
            }
        });
        for (String raw : List.of(
                "GET /zh-hans/%ff HTTP/1.1\r\nHost: localhost\r\n",
                "GET /zh-hans/a%2fb HTTP/1.1\r\nHost: localhost\r\n",
                "GET /api/v1/articles/%ff HTTP/1.1\r\nHost: localhost\r\n",
                "GET /zh-hans/ HTTP/1.1\r\nHost: localhost\r\nHost: elsewhere\r\n",
                "GET /zh-hans/ HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip, sweep\r\n",
                "GET /zh-hans/ HTTP/2.5\r\nHost: localhost\r\n",
                "GET /zh-hans/ HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n",
                "GET /api/v1/search?q=%ff HTTP/1.1\r\nHost: localhost\r\n",
                "GET /admin/login?x=%ff HTTP/1.1\r\nHost: localhost\r\n")) {
            answers.add(raw(raw));
        }
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);

        Map<Integer, Integer> byStatus = new TreeMap<>();
        answers.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
        System.out.printf("Bad-input sweep: %d routes, %d requests in %d s; statuses %s%n", swept.size(),
                answers.size(), seconds, byStatus);
        // 501 and 505 are Tomcat's due answers to those requests; a health endpoint's 503 is its reading (the
        // index may lag the suite's writes), not a fault of the input.
        assertThat(answers).filteredOn(a -> a.status() >= 500 && a.status() != 501 && a.status() != 505
                        && !(a.status() == 503 && a.request().contains(" /api/health/")))
                .as("answers of 5xx").isEmpty();
        assertThat(answers).filteredOn(a -> !a.secured()).as("answers without the security headers").isEmpty();
        assertThat(answers).filteredOn(a -> a.request().contains(" /api/") && a.status() >= 400
                && a.status() != 405 && !a.contentType().startsWith("application/json"))
                .as("API errors that are not JSON").isEmpty();

        List<ILoggingEvent> captured = List.copyOf(logs.list);
        assertThat(captured).filteredOn(e -> e.getThrowableProxy() != null).as("stack traces").isEmpty();
        assertThat(captured).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).as("errors").isEmpty();
        Map<String, Integer> perKind = new TreeMap<>();
        captured.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .forEach(e -> perKind.merge(e.getLoggerName() + ": " + e.getFormattedMessage().replaceAll(
                        ": \\d+ since.*", ""), 1, Integer::sum));
        long allowed = 1 + seconds / BadInput.LOG_INTERVAL.toSeconds();
        System.out.printf("Bad-input sweep: log lines per kind %s%n", perKind);
        assertThat(perKind.values()).as("log lines per kind in %d s", seconds).allMatch(n -> n <= allowed);
    }

    /** Who sends: nobody, a signed-in admin's browser, or a program with an admin's API token. */
    enum Caller {
        ANONYMOUS, SESSION, TOKEN;

        boolean reaches(String path) {
            return switch (this) {
                case ANONYMOUS -> true;
                case SESSION -> path.startsWith("/admin");
                case TOKEN -> path.startsWith("/api/admin");
            };
        }
    }

    private Answer send(Caller caller, String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = switch (caller) {
            case ANONYMOUS -> send(request.build());
            case SESSION -> admin.send(request.header("X-CSRF-TOKEN", csrf).build());
            case TOKEN -> send(request.header("Authorization", "Bearer " + token).build());
        };
        String what = caller + " " + method + " " + path.substring(0, Math.min(path.length(), 120))
                + (contentType == null ? "" : " [" + contentType + "]");
        var headers = response.headers();
        boolean secured = headers.firstValue("Content-Security-Policy").isPresent()
                && headers.firstValue("X-Content-Type-Options").filter("nosniff"::equals).isPresent();
        return new Answer(what, response.statusCode(), headers.firstValue("Content-Type").orElse(""), secured);
    }

    /** Raw request bytes, as no well-behaved client sends them. */
    private Answer raw(String head) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String headers = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase();
            int status = Integer.parseInt(answer.substring(9, 12));
            Matcher type = Pattern.compile("\r\ncontent-type: ([^\r]*)").matcher(headers);
            String what = "RAW " + head.substring(0, head.indexOf('\r'));
            return new Answer(what, status, type.find() ? type.group(1) : "",
                    headers.contains("\r\ncontent-security-policy: ") && headers.contains(
                            "\r\nx-content-type-options: nosniff"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A route pattern with its variables filled (an edition, an id, a word); regexes may hold braces. */
    private static String fill(String pattern) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '{') {
                path.append(c == '*' ? 'x' : c);
                continue;
            }
            int depth = 1;
            int start = i + 1;
            while (depth > 0) {
                i++;
                depth += pattern.charAt(i) == '{' ? 1 : pattern.charAt(i) == '}' ? -1 : 0;
            }
            String name = pattern.substring(start, i).split(":", 2)[0].toLowerCase(Locale.ROOT);
            path.append(switch (name) {
                case "edition", "code" -> "zh-hans";
                case "format" -> "rss";
                default -> name.contains("id") || name.equals("page") ? "1" : "x";
            });
        }
        return path.toString();
    }
}
