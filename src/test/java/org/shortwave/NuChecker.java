package org.shortwave;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;

/** The Nu HTML Checker (vnu.jar, installed by src/test/tools/prepare.sh), run on saved pages. */
public final class NuChecker {

    private NuChecker() {
    }

    /** The checker's JSON report of the errors in these files (none: no {@code "type":"error"} in it). */
    public static String errors(List<Path> files) throws IOException, InterruptedException {
        Path vnu = Path.of(System.getProperty("shortwave.test.vnu-jar",
                "target/tools/node_modules/vnu-jar/build/dist/vnu.jar"));
        assertThat(vnu).as("vnu.jar (run ./mvnw verify, which installs it)").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", vnu.toString(), "--errors-only", "--format",
                "json"));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
