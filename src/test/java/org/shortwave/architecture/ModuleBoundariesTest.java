package org.shortwave.architecture;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of Shortwave (ADR 0017), checked on its compiled classes: each feature's {@code internal}
 * package is its own, every dependency between modules is one {@link #TABLE} declares, there are no cycles, and
 * {@code platform} knows no feature. The same rules must catch each violation planted in a known-bad sample.
 *
 * <p>docs/modules.md is made from the table. After changing it:
 * {@code ./mvnw -B -o test -Dtest=ModuleBoundariesTest -Dshortwave.write-module-docs=true}.
 */
class ModuleBoundariesTest {

    private static final String ROOT = "org.shortwave";

    /**
     * Which module may use which (besides itself). The order is the direction of every arrow: a module uses only
     * modules above it in this list. Adding an arrow is a design decision: say why in the commit.
     */
    static final Map<String, Set<String>> TABLE = table(
            entry("platform", Set.of()),
            entry("content", Set.of("platform")),
            entry("i18n", Set.of("content", "platform")),
            entry("accounts", Set.of("i18n", "platform")),
            entry("analytics", Set.of("content", "platform")),
            entry("cache", Set.of("platform")),
            entry("media", Set.of("accounts", "content", "i18n", "platform")),
            entry("search", Set.of("content", "i18n", "platform")),
            entry("site", Set.of("accounts", "analytics", "cache", "content", "i18n", "media", "platform", "search")),
            entry("distribution", Set.of("cache", "content", "i18n", "media", "platform", "site")),
            entry("editorial", Set.of("accounts", "content", "i18n", "media", "platform", "site")),
            entry("backup", Set.of("media", "platform", "search")),
            entry("operations", Set.of("accounts", "cache", "content", "media", "platform", "search")),
            entry("demo", Set.of("content", "editorial", "i18n", "media", "platform")));

    private static final ModuleRules RULES = new ModuleRules(ROOT, TABLE);

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void theApplicationKeepsEveryRule() {
        for (ArchRule rule : RULES.all()) {
            rule.check(APPLICATION);
        }
    }

    @Test
    void everyModuleIsInTheTable() {
        Set<String> modules = new TreeSet<>();
        APPLICATION.forEach(type -> {
            String module = RULES.moduleOf(type);
            if (module != null && !module.isEmpty()) {
                modules.add(module);
            }
        });
        assertThat(TABLE.keySet()).containsExactlyInAnyOrderElementsOf(modules);
    }

    /** The declared table itself has no cycle: each module names only modules declared before it. */
    @Test
    void theTableRunsOneWay() {
        Set<String> above = new TreeSet<>();
        TABLE.forEach((module, uses) -> {
            assertThat(uses).as(module + " uses only modules above it").isSubsetOf(above);
            above.add(module);
        });
    }

    /** The rules can fail: on the known-bad sample, each catches the violation planted for it. */
    @Test
    void theRulesCatchEachPlantedViolation() {
        JavaClasses bad = new ClassFileImporter().importPackages(ROOT + ".architecture.fixture");
        ModuleRules rules = new ModuleRules(ROOT + ".architecture.fixture", table(
                entry("platform", Set.of()),
                entry("alpha", Set.of("platform")),
                entry("beta", Set.of("alpha", "platform"))));

        assertThat(report(rules.internalIsItsModulesOwn(), bad)).contains("uses beta's internal package")
                .contains("alpha.Story");
        assertThat(report(rules.dependenciesFollowTheTable(), bad))
                .contains("uses beta, which the table does not allow alpha");
        assertThat(report(rules.noCycles(), bad)).contains("Cycle detected");
        assertThat(report(rules.platformKnowsNoFeature(), bad)).contains("platform uses the feature alpha")
                .contains("platform.Clock");
    }

    private static String report(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as(rule.getDescription() + " fails on the sample").isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void theModuleDocumentIsCurrent() throws IOException {
        Path file = Path.of("docs/modules.md");
        String made = ModuleDocument.of(TABLE, APPLICATION, RULES);
        if (Boolean.getBoolean("shortwave.write-module-docs")) {
            Files.writeString(file, made, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("docs/modules.md is made from the table; run "
                + "./mvnw -B -o test -Dtest=ModuleBoundariesTest -Dshortwave.write-module-docs=true").isEqualTo(made);
    }

    @SafeVarargs
    private static Map<String, Set<String>> table(Map.Entry<String, Set<String>>... rows) {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> row : rows) {
            table.put(row.getKey(), new TreeSet<>(row.getValue()));
        }
        return table;
    }
}
