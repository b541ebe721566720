package org.shortwave.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module rules, for any root package and table, so that the same rules run on the application and on a
 * known-bad sample (which they must catch). A module is a package right under the root with everything below it;
 * its {@code internal} package is its own; {@code platform} is the module every other may use and that knows none.
 *
 * @param root the application's package, e.g. {@code org.shortwave}
 * @param table for each module, the other modules it may use; a module missing from the table may use none
 */
record ModuleRules(String root, Map<String, Set<String>> table) {

    static final String PLATFORM = "platform";
    /** The sub-packages no other module may use. */
    static final List<String> OWN_PACKAGES = List.of("internal", "web");

    List<ArchRule> all() {
        return List.of(internalIsItsModulesOwn(), dependenciesFollowTheTable(), noCycles(), platformKnowsNoFeature());
    }

    /**
     * Each module's {@code internal} package (and what is below it) is used by that module only; so is its
     * {@code web} package (controllers, filters), except the platform's, whose web plumbing every module may use.
     */
    ArchRule internalIsItsModulesOwn() {
        return classes().should(new DependencyCondition("use no other module's internal or web package") {
            @Override
            String refusal(String from, String to, JavaClass target) {
                if (from.equals(to)) {
                    return null;
                }
                for (String own : OWN_PACKAGES) {
                    String name = root + "." + to + "." + own;
                    boolean inside = target.getPackageName().equals(name)
                            || target.getPackageName().startsWith(name + ".");
                    if (inside && !(own.equals("web") && to.equals(PLATFORM))) {
                        return "uses " + to + "'s " + own + " package";
                    }
                }
                return null;
            }
        });
    }

    /** Every use of another module is one the table declares. */
    ArchRule dependenciesFollowTheTable() {
        return classes().should(new DependencyCondition("use only the modules the table allows") {
            @Override
            String refusal(String from, String to, JavaClass target) {
                if (from.equals(to) || from.isEmpty() || to.isEmpty()) {
                    return null; // the application class at the root starts them all
                }
                return table.getOrDefault(from, Set.of()).contains(to) ? null
                        : "uses " + to + ", which the table does not allow " + from;
            }
        });
    }

    ArchRule noCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** The platform (configuration, web plumbing, the command line, the one refusal type) knows no feature. */
    ArchRule platformKnowsNoFeature() {
        return classes().should(new DependencyCondition("be a platform class that knows no feature") {
            @Override
            String refusal(String from, String to, JavaClass target) {
                return from.equals(PLATFORM) && !to.equals(PLATFORM) ? "platform uses the feature " + to : null;
            }
        });
    }

    /** The module of a class under the root: the package right under it, "" for the root itself, null outside. */
    String moduleOf(JavaClass type) {
        String name = type.getPackageName();
        if (name.equals(root)) {
            return "";
        }
        if (!name.startsWith(root + ".")) {
            return null;
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Looks at every dependency of a class on another class under the root; a refusal names a violation. */
    private abstract class DependencyCondition extends ArchCondition<JavaClass> {

        DependencyCondition(String description) {
            super(description);
        }

        /** Why this dependency breaks the rule, or null if it does not. */
        abstract String refusal(String from, String to, JavaClass target);

        @Override
        public void check(JavaClass origin, ConditionEvents events) {
            String from = moduleOf(origin);
            if (from == null) {
                return;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                String to = moduleOf(target);
                String why = to == null ? null : refusal(from, to, target);
                if (why != null) {
                    events.add(SimpleConditionEvent.violated(dependency,
                            from + ": " + dependency.getDescription() + " (" + why + ")"));
                }
            }
        }
    }
}
