package org.shortwave.platform;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The platform's settings, checked once the environment is read (application.properties, environment variables,
 * the command line) and before any bean exists: before the embedded PostgreSQL starts, Flyway migrates or a port
 * opens. A bad one stops the start at once with a {@link BadSetting} naming it, instead of a failure deep in the
 * start a minute later. Features check their own settings the same way (registered in
 * {@code META-INF/spring.factories}).
 */
final class SettingsCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder settings = Binder.get(environment);
        String publicUrl = settings.bind("shortwave.public-url", String.class).orElse(PublicUrl.DEFAULT);
        PublicUrl.problem(publicUrl).ifPresent(problem -> {
            throw new BadSetting("shortwave.public-url", problem);
        });
        String dataDir = settings.bind("shortwave.data-dir", String.class).orElse("./data");
        checkWritable(dataDir).ifPresent(problem -> {
            throw new BadSetting("shortwave.data-dir", problem);
        });
    }

    /** Creates the directory if needed and writes a file in it: as root, permission bits alone would say yes. */
    static Optional<String> checkWritable(String setting) {
        Path dir;
        try {
            dir = Path.of(setting).toAbsolutePath();
        } catch (InvalidPathException e) {
            return Optional.of("is not a path: '" + setting + "'");
        }
        for (Path existing = dir; existing != null; existing = existing.getParent()) {
            if (Files.exists(existing)) {
                if (!Files.isDirectory(existing)) {
                    return Optional.of("must be a directory Shortwave can write to: " + dir + " is a file, or under one");
                }
                break;
            }
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check-", "");
            Files.delete(probe);
            return Optional.empty();
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            return Optional.of("must be a directory Shortwave can write to: " + dir + " is a file, or under one");
        } catch (AccessDeniedException e) {
            return Optional.of("must be a directory Shortwave can write to: permission denied on " + dir);
        } catch (IOException | SecurityException e) {
            return Optional.of("must be a directory Shortwave can write to: " + dir + " (" + e + ")");
        }
    }
}
