package org.shortwave.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** docs/modules.md: the declared table, as a list and as a graph, with each module's packages. */
final class ModuleDocument {

    private ModuleDocument() {
    }

    static String of(Map<String, Set<String>> table, JavaClasses classes, ModuleRules rules) {
        Map<String, Set<String>> packages = new TreeMap<>();
        for (JavaClass type : classes) {
            String module = rules.moduleOf(type);
            if (module != null && !module.isEmpty()) {
                String sub = type.getPackageName().substring(rules.root().length() + 1);
                packages.computeIfAbsent(module, m -> new TreeSet<>()).add(sub);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Modules\n\n")
                .append("Made by `ModuleBoundariesTest` from its table (ADR 0017); do not edit by hand. After changing the\n")
                .append("table: `./mvnw -B -o test -Dtest=ModuleBoundariesTest -Dshortwave.write-module-docs=true`.\n\n")
                .append("A module is a package right under `").append(rules.root()).append("` with everything below it. ")
                .append("The test fails the build\nwhen a module uses another's `internal` or `web` package (the ")
                .append("platform's web plumbing excepted), uses a\nmodule its row does not name, when modules form a ")
                .append("cycle, or when `platform` uses a feature.\n\n")
                .append("The rows run one way: a module uses only modules listed above it.\n\n")
                .append("| module | may use | packages |\n| --- | --- | --- |\n");
        table.forEach((module, uses) -> out.append("| `").append(module).append("` | ")
                .append(uses.isEmpty() ? "nothing" : String.join(", ", uses.stream().map(u -> "`" + u + "`").toList()))
                .append(" | ")
                .append(String.join(", ", packages.getOrDefault(module, Set.of()).stream().map(p -> "`" + p + "`")
                        .toList()))
                .append(" |\n"));
        out.append("\nThe same, as a graph (`platform`, which every module may use, left out):\n\n```mermaid\nflowchart TD\n");
        table.forEach((module, uses) -> uses.stream().filter(u -> !u.equals(ModuleRules.PLATFORM))
                .forEach(u -> out.append("    ").append(module).append(" --> ").append(u).append('\n')));
        out.append("```\n");
        return out.toString();
    }
}
