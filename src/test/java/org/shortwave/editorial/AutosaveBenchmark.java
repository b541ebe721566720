package org.shortwave.editorial;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.shortwave.FreshDatabase;
import org.shortwave.NewsroomBrowser;
import org.shortwave.ShortwaveApplication;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The autosave benchmark (bench/autosave-bench.sh; not a test): one node on a fresh database, one story with one
 * revision and one with {@code revisions} revisions, both with a 40-block, 5,000-character body; then {@code runs}
 * autosaves of each over real HTTP, timing wall clock and the process's CPU per request. Client and server share the
 * JVM, so the CPU figure includes the client; {@code GET /admin/session} is measured the same way for scale.
 */
public final class AutosaveBenchmark {

    public static void main(String[] args) throws Exception {
        int revisions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        try (FreshDatabase database = FreshDatabase.create("shortwave_autosave_bench")) {
            List<String> arguments = new ArrayList<>(database.arguments());
            arguments.addAll(List.of("--shortwave.data-dir=" + Files.createTempDirectory("autosave-bench-"),
                    "--server.port=0", "--management.server.port=-1", "--shortwave.demo-content=false",
                    "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
            try (ConfigurableApplicationContext node = new SpringApplicationBuilder(ShortwaveApplication.class)
                    .run(arguments.toArray(String[]::new))) {
                run(node, revisions, runs);
            }
        }
    }

    private static void run(ConfigurableApplicationContext node, int revisions, int runs) {
        node.getBean(Editions.class).createIfMissing(new Edition("en", java.util.Locale.forLanguageTag("en-GB"),
                "English", "Shortwave", "ltr", java.time.ZoneId.of("UTC"), true), 0);
        Accounts accounts = node.getBean(Accounts.class);
        String password = "harbour lights at dusk";
        Account editor = accounts.create(null, "bench-" + UUID.randomUUID() + "@example.org", "Bench", password, false);
        accounts.grant(null, editor.id(), "en", Role.EDITOR);
        editor = accounts.find(editor.id()).orElseThrow();
        long section = node.getBean(Taxonomy.class).ensureSection("en", "bench", "Bench", 1);
        EditorialWorkflow workflow = node.getBean(EditorialWorkflow.class);
        long fresh = workflow.create(editor, story(section, 0));
        long old = workflow.create(editor, story(section, 0));
        for (int v = 1; v < revisions; v++) {
            workflow.save(editor, old, v, story(section, v));
        }
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        NewsroomBrowser browser = new NewsroomBrowser(p -> URI.create("http://localhost:" + port + p));
        browser.signIn(editor.email(), password);
        String token = browser.csrf("/admin/articles/" + fresh);
        Map<String, String> freshForm = form(token, 1);
        Map<String, String> oldForm = form(token, revisions);
        // Warm up the JIT on both paths, then measure each in turn.
        measure(browser, "/admin/articles/" + fresh + "/autosave", freshForm, runs / 2);
        measure(browser, "/admin/articles/" + old + "/autosave", oldForm, runs / 2);
        measure(browser, null, null, runs / 2);
        System.out.printf("autosave-bench: %d cores, %d requests each%n", Runtime.getRuntime().availableProcessors(),
                runs);
        print("autosave, 1 revision", measure(browser, "/admin/articles/" + fresh + "/autosave", freshForm, runs));
        print("autosave, " + revisions + " revisions",
                measure(browser, "/admin/articles/" + old + "/autosave", oldForm, runs));
        print("GET /admin/session (scale)", measure(browser, null, null, runs));
    }

    private static void print(String what, double[] figures) {
        System.out.printf("%-32s %7.3f ms wall  %7.3f ms CPU per request%n", what, figures[0], figures[1]);
    }

    /** Mean wall time and process CPU time per request, in milliseconds. */
    private static double[] measure(NewsroomBrowser browser, String path, Map<String, String> form, int runs) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            int status = path == null ? browser.get("/admin/session").statusCode()
                    : browser.post(path, form).statusCode();
            if (status != 200) {
                throw new IllegalStateException("answered " + status);
            }
        }
        return new double[] {(System.nanoTime() - wall) / 1e6 / runs, (os.getProcessCpuTime() - cpu) / 1e6 / runs};
    }

    private static Map<String, String> form(String token, int version) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", token);
        form.put("version", String.valueOf(version));
        form.put("headline", "A story being written");
        form.put("lead", "A lead.");
        for (int i = 0; i < 40; i++) {
            form.put("blocks." + i + ".type", "paragraph");
            form.put("blocks." + i + ".text", "Paragraph " + i + " " + "words in progress ".repeat(6));
        }
        return form;
    }

    private static ArticleContent story(long section, int v) {
        List<Block> body = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            body.add(new Block.Paragraph(InlineHtml.sanitize("Paragraph " + i + " of version " + v + " "
                    + "words saved so far ".repeat(6))));
        }
        return new ArticleContent("en", section, "A story being written", "bench-" + UUID.randomUUID().toString()
                .substring(0, 8), "A lead.", "", body, null, List.of(), List.of(), "Shortwave");
    }

    private AutosaveBenchmark() {
    }

}
