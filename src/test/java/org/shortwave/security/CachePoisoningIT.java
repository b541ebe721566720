package org.shortwave.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.cache.PageCache;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Cache poisoning: request headers a shared cache does not key on ({@code Host}, {@code X-Forwarded-*},
 * {@code Forwarded}, URL-override headers, languages...) must not change what the page cache stores for a URL. For
 * every public route of the route table and every hostile header set: the page cache is emptied, the hostile request
 * goes first (so whatever it makes is what gets stored), then a plain reader asks for the same URL and must get what
 * a plain reader got before, with no trace of the attacker's values. Shortwave builds its absolute links from the
 * configured public URL, never from request headers, and keys nothing on headers it does not name in {@code Vary}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachePoisoningIT extends AppTestBase {

    /** Every value an attacker sends contains this, so any echo of it is found. */
    private static final String MARK = "p0ison";

    /** Hostile header sets, each sent alone; the first element names it. */
    private static final List<List<String>> HOSTILE = List.of(
            List.of("Host", "p0ison-host.example"),
            List.of("X-Forwarded-Host", "p0ison-xfh.example"),
            List.of("X-Forwarded-Proto", "p0ison", "X-Forwarded-Port", "1337", "X-Forwarded-Scheme", "p0ison"),
            List.of("X-Forwarded-Prefix", "/p0ison-prefix"),
            List.of("Forwarded", "for=192.0.2.1;host=p0ison-fwd.example;proto=https"),
            List.of("X-Original-URL", "/admin/p0ison", "X-Rewrite-URL", "/admin/p0ison"),
            List.of("X-Host", "p0ison-xhost.example", "X-Forwarded-Server", "p0ison-xfs.example",
                    "X-Original-Host", "p0ison-oh.example"),
            List.of("X-HTTP-Method-Override", "DELETE", "X-Method-Override", "PURGE", "X-P0ison", "1"),
            List.of("User-Agent", "Mozilla/5.0 p0ison-agent", "Referer", "https://p0ison-ref.example/"),
            List.of("Accept-Language", "fa-IR, ru;q=0.9, p0ison;q=0.1"),
            List.of("Accept-Encoding", "p0ison, identity;q=0"),
            List.of("Authorization", "Basic cDBpc29uOnAwaXNvbg=="),
            // The target in absolute form, with a host that is not ours: servers must use the URL's host, and
            // Shortwave still must not let it into a stored page.
            List.of("@absolute", "http://p0ison-absolute.example"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Autowired
    ArticleStore store;

    @Autowired
    Taxonomy taxonomy;

    @Autowired
    PageCache cache;

    private Section section;
    private Topic topic;
    private long article;
    private String slug;
    private String mediaFile;

    @BeforeAll
    void story() {
        section = taxonomy.section("en", taxonomy.ensureSection("en", "poisoning-tests", "Poisoning", 96)).orElseThrow();
        topic = taxonomy.topic("en", taxonomy.ensureTopic("en", "poisoning-topic", "Poisoning topic")).orElseThrow();
        long image = jdbc.sql("select id from media where kind = 'image' order by id limit 1").query(Long.class).single();
        article = store.create(anArticle().in(section).withTopic(topic).headline("A story to poison")
                .publishedAt(NOW.minusSeconds(120)).build());
        jdbc.sql("update article set main_image_id = ? where id = ?").params(image, article).update();
        slug = jdbc.sql("select slug from article where id = ?").param(article).query(String.class).single();
        mediaFile = jdbc.sql("select file_path from media where id = ?").param(image).query(String.class).single();
    }

    @Test
    void noHeaderAPlainReaderDoesNotSendChangesWhatThePageCacheStores() throws IOException {
        List<String> targets = new ArrayList<>();
        for (String pattern : PublicRoutes.of(routes)) {
            // The search health check answers the index's state of the moment, and is never stored.
            if (!pattern.startsWith("/api/health")) {
                targets.add(fill(pattern));
            }
        }
        targets.add("/en/no-such-story/a-999999999");
        targets.add("/no-such-page");
        List<String> poisoned = new ArrayList<>();
        List<String> reflected = new ArrayList<>();
        int sent = 0;
        for (String target : targets) {
            Answer plain = request(target, List.of());
            sent++;
            for (List<String> headers : HOSTILE) {
                cache.clear();
                Answer hostile = request(target, headers);
                Answer after = request(target, List.of());
                sent += 2;
                String what = target + " after " + headers.getFirst();
                if (hostile.text().contains(MARK)) {
                    reflected.add(what + " (" + hostile.status + "): " + excerpt(hostile.text()));
                }
                if (after.text().contains(MARK)) {
                    poisoned.add(what + " shows the attacker's value: " + excerpt(after.text()));
                } else if (after.status != plain.status || !after.header("location").equals(plain.header("location"))
                        || !after.htmlLang().equals(plain.htmlLang())
                        || !after.header("content-type").equals(plain.header("content-type"))) {
                    poisoned.add(what + " answers " + after.status + " " + after.header("location") + " "
                            + after.htmlLang() + " " + after.header("content-type") + ", a plain reader got "
                            + plain.status + " " + plain.header("location") + " " + plain.htmlLang() + " "
                            + plain.header("content-type"));
                }
            }
        }
        System.out.printf("Cache poisoning: %d public URLs x %d hostile header sets, %d requests; %d stored pages "
                + "poisoned, %d answers echoing an attacker's value%n", targets.size(), HOSTILE.size(), sent,
                poisoned.size(), reflected.size());
        reflected.forEach(System.out::println);
        assertThat(poisoned).isEmpty();
        assertThat(reflected).isEmpty();
    }

    /** A request for a route with real values: this test's published story, its section, topic and photo. */
    private String fill(String pattern) {
        Matcher variable = Pattern.compile("\\{([a-zA-Z]+)(?::[^{}]*(?:\\{[^}]*}[^{}]*)*)?}|/\\*\\*")
                .matcher(pattern);
        boolean ofSection = pattern.contains("s-{id");
        boolean ofTopic = pattern.contains("t-{id");
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) == null ? "**" : variable.group(1);
            String value = switch (name) {
                case "edition", "code" -> "en";
                case "id" -> String.valueOf(ofSection ? section.id() : ofTopic ? topic.id() : article);
                case "slug" -> ofSection ? section.slug() : ofTopic ? topic.slug() : slug;
                case "page" -> "1";
                case "format" -> "rss";
                case "dir" -> mediaFile.substring(0, mediaFile.lastIndexOf('/'));
                case "name" -> mediaFile.substring(mediaFile.lastIndexOf('/') + 1);
                case "**" -> "/articles";
                default -> throw new AssertionError("no value for {" + name + "} in " + pattern
                        + ": add one to CachePoisoningIT.fill, so the new route is probed");
            };
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variable.appendTail(path);
        return path + (pattern.contains("search") ? "?q=poison" : "");
    }

    /** One answer read off the socket: status, head (lower-cased names) and body as text. */
    private record Answer(int status, String head, String body) {

        String header(String name) {
            Matcher value = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*)$").matcher(head);
            return value.find() ? value.group(1).trim() : "";
        }

        String htmlLang() {
            Matcher lang = Pattern.compile("<html[^>]*\\blang=\"([^\"]*)\"").matcher(body);
            return lang.find() ? lang.group(1) : "";
        }

        String text() {
            return (head + "\n" + body).toLowerCase(Locale.ROOT);
        }
    }

    /** A GET sent by hand: HttpClient refuses to set Host, and would never send an absolute-form target. */
    private Answer request(String target, List<String> headers) throws IOException {
        String line = target;
        String host = "localhost:" + port;
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equals("@absolute")) {
                line = headers.get(i + 1) + target;
                host = headers.get(i + 1).substring("http://".length());
            } else if (headers.get(i).equals("Host")) {
                host = headers.get(i + 1);
            } else {
                extra.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
            }
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + line + " HTTP/1.1\r\nHost: " + host + "\r\n" + extra + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] all = readAll(socket.getInputStream());
            String text = new String(all, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }

    /** The body of a chunked answer (sizes are in bytes; the bodies here are text, decoded whole afterwards). */
    private static String dechunk(String chunked) {
        byte[] raw = chunked.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < raw.length) {
            int end = indexOf(raw, at);
            int size = Integer.parseInt(new String(raw, at, end - at, StandardCharsets.US_ASCII).split(";")[0].trim(),
                    16);
            if (size == 0) {
                break;
            }
            body.write(raw, end + 2, size);
            at = end + 2 + size + 2;
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i < raw.length - 1; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a chunk size without its line end");
    }

    private static String excerpt(String text) {
        int at = text.indexOf(MARK);
        return text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 40)).replace('\n', ' ');
    }
}
