package org.shortwave.cache;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shortwave.Await;
import org.shortwave.Ports;

/**
 * A real varnishd (Debian's varnish with varnish-modules' xkey, installed by src/test/tools/prepare.sh) running the
 * shipped configuration deploy/varnish/shortwave.vcl on loopback, its two backends pointed at two nodes. It runs in
 * the foreground as a child of the test, with its own working directory under target/, and is stopped after.
 */
final class Varnish implements AutoCloseable {

    static final Path VCL = Path.of("deploy", "varnish", "shortwave.vcl");
    private static final Pattern BACKEND = Pattern.compile(
            "(backend (node\\d+) \\{\\s*\\.host = \")[^\"]*(\";\\s*\\.port = \")[^\"]*(\";)");

    private final Process process;
    private final int port;
    private final Path workDir;

    private Varnish(Process process, int port, Path workDir) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
    }

    /** The port Varnish will listen on, chosen before the nodes start (they purge it). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts varnishd on 127.0.0.1:port with the shipped VCL, backend node1 and node2 on these ports. */
    static Varnish start(int port, int node1, int node2) throws IOException {
        Path varnishd = Path.of(System.getProperty("shortwave.test.varnishd", "/usr/sbin/varnishd"));
        if (!Files.isExecutable(varnishd)) {
            // Not a skip: the suite proves the Varnish set-up, and ./mvnw verify installs it (prepare.sh).
            throw new IllegalStateException("varnishd missing at " + varnishd
                    + ": install Debian's varnish and varnish-modules (src/test/tools/prepare.sh does as root)");
        }
        Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "varnish")), "varnish-")
                .toAbsolutePath();
        Path vcl = workDir.resolve("shortwave.vcl");
        Files.writeString(vcl, withBackends(Files.readString(VCL, StandardCharsets.UTF_8), node1, node2));
        Process process = new ProcessBuilder(List.of(varnishd.toString(), "-F", "-j", "none",
                "-n", workDir.resolve("instance").toString(), "-a", "127.0.0.1:" + port, "-T", "127.0.0.1:0",
                "-f", vcl.toString(), "-s", "malloc,64m"))
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("varnishd.log").toFile())
                .start();
        Varnish varnish = new Varnish(process, port, workDir);
        varnish.awaitPort(Duration.ofSeconds(60));
        return varnish;
    }

    /** The shipped VCL with its two example backends on loopback at these ports. */
    static String withBackends(String vcl, int node1, int node2) {
        Matcher backend = BACKEND.matcher(vcl);
        StringBuilder out = new StringBuilder();
        int found = 0;
        while (backend.find()) {
            int nodePort = switch (backend.group(2)) {
                case "node1" -> node1;
                case "node2" -> node2;
                default -> throw new IllegalStateException("unexpected backend " + backend.group(2));
            };
            backend.appendReplacement(out, Matcher.quoteReplacement(backend.group(1) + "127.0.0.1"
                    + backend.group(3) + nodePort + backend.group(4)));
            found++;
        }
        backend.appendTail(out);
        if (found != 2) {
            throw new IllegalStateException("expected backends node1 and node2 in " + VCL + ", found " + found);
        }
        return out.toString();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * How many objects each purge naming this key removed, as Varnish logged them (its log in shared memory, read
     * with varnishlog; the VCL answers a purge with "Purged n").
     */
    List<Integer> purgesOf(String key) {
        try {
            return purgesLogged(key);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Integer> purgesLogged(String key) throws IOException, InterruptedException {
        Path varnishlog = Path.of(System.getProperty("shortwave.test.varnishlog", "/usr/bin/varnishlog"));
        Process log = new ProcessBuilder(List.of(varnishlog.toString(), "-n", workDir.resolve("instance").toString(),
                "-d", "-g", "request", "-i", "RespReason",
                "-q", "ReqMethod eq \"PURGE\" and ReqHeader:xkey-purge ~ \"(^|[ ,])" + key + "([ ,]|$)\""))
                .redirectErrorStream(true).start();
        String out = new String(log.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!log.waitFor(30, TimeUnit.SECONDS) || log.exitValue() != 0) {
            throw new IllegalStateException("varnishlog failed: " + out);
        }
        List<Integer> purged = new java.util.ArrayList<>();
        Matcher reason = Pattern.compile("RespReason\\s+Purged (\\d+)").matcher(out);
        while (reason.find()) {
            purged.add(Integer.parseInt(reason.group(1)));
        }
        return purged;
    }

    private void awaitPort(Duration timeout) throws IOException {
        try {
            Await.until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("varnishd exited with " + process.exitValue() + ": " + log());
                }
                return Ports.accepts(port);
            }, "varnishd to listen on " + port, timeout);
        } catch (AssertionError timedOut) {
            close();
            throw new IllegalStateException(timedOut.getMessage() + ": " + log());
        }
    }

    private String log() {
        try {
            return Files.readString(workDir.resolve("varnishd.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Keeps, for a failed run, the nodes' health and the errors Varnish logged: target/varnish/.../diagnostics.log. */
    private void keepDiagnostics() {
        Path varnishlog = Path.of(System.getProperty("shortwave.test.varnishlog", "/usr/bin/varnishlog"));
        try {
            Process log = new ProcessBuilder(List.of(varnishlog.toString(), "-n",
                    workDir.resolve("instance").toString(), "-d", "-g", "raw", "-q",
                    "Backend_health or RespStatus >= 500 or BerespStatus >= 500 or FetchError"))
                    .redirectErrorStream(true).redirectOutput(workDir.resolve("diagnostics.log").toFile()).start();
            if (!log.waitFor(30, TimeUnit.SECONDS)) {
                log.destroyForcibly();
            }
        } catch (IOException e) {
            // Diagnostics only: the test's own result stands.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            keepDiagnostics();
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
