package org.shortwave;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A browser over plain HTTP for newsroom tests: its own cookies, no automatic redirects, forms with CSRF. */
public class NewsroomBrowser {

    private final Function<String, URI> uri;
    private final String language;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public NewsroomBrowser(Function<String, URI> uri) {
        this(uri, null);
    }

    /** A browser that asks for pages in this language ({@code Accept-Language}). */
    public NewsroomBrowser(Function<String, URI> uri, String language) {
        this.uri = uri;
        this.language = language;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public Document page(String path) {
        return Jsoup.parse(get(path).body());
    }

    /** Posts a form as it is, with no CSRF token added. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form with the CSRF token a page of the newsroom carries, as a browser submitting it would. */
    public HttpResponse<String> submit(String pageWithForm, String action, Map<String, String> form) {
        Map<String, String> withToken = new java.util.LinkedHashMap<>(form);
        withToken.put("_csrf", csrf(pageWithForm));
        return post(action, withToken);
    }

    public String csrf(String path) {
        return page(path).selectFirst("input[name=_csrf]").attr("value");
    }

    public String session() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Drops the session cookie, as a session that ended (a restart, a timeout, cleared cookies) looks to the server. */
    public void forgetSession() {
        var store = cookies.getCookieStore();
        store.getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).toList()
                .forEach(c -> store.getURIs().forEach(u -> store.remove(u, c)));
    }

    /** The value of one of this browser's cookies, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public HttpResponse<String> signIn(String email, String password) {
        String token = csrf("/admin/login");
        return post("/admin/login", Map.of("_csrf", token, "email", email, "password", password));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri.apply(path));
        return language == null ? request : request.header("Accept-Language", language);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
