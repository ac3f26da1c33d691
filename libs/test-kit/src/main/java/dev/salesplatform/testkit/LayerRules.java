package dev.salesplatform.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The layering rules of DESIGN.md, checked on a service's compiled main classes (every service's
 * tests run them): {@code api} → {@code service} → {@code persistence}, never back; {@code messaging}
 * uses {@code service}, not {@code api}; {@code domain} is plain Java; no service reaches into
 * another's packages; the kit reaches into none.
 */
public final class LayerRules {

    /** The root package of every service; a service may import none but its own. */
    public static final List<String> SERVICES = List.of("dev.salesplatform.lead", "dev.salesplatform.deal",
            "dev.salesplatform.customersuccess", "dev.salesplatform.analytics", "dev.salesplatform.gateway",
            "dev.salesplatform.webhook");

    /** Frameworks a domain class may not touch: it is unit-tested without them. */
    private static final String[] FRAMEWORKS = {"jakarta..", "javax..", "io.quarkus..", "io.smallrye..", "io.vertx..",
        "io.micrometer..", "org.hibernate..", "org.eclipse..", "org.jboss..", "org.apache.kafka..",
        "com.fasterxml.."};

    private LayerRules() {
    }

    /** Fails listing every violation of a service rooted at {@code root}, e.g. {@code dev.salesplatform.lead}. */
    public static void checkService(String root) {
        check(mainClasses(root), serviceRules(root));
    }

    /** Fails when a library rooted at {@code root} (the kit) imports any service. */
    public static void checkLibrary(String root) {
        check(mainClasses(root), List.of(libraryRule()));
    }

    /** The rules of a service rooted at {@code root}. */
    public static List<ArchRule> serviceRules(String root) {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("domain rules are plain Java"));
        rules.add(noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(layers(root, "api", "service", "persistence",
                        "messaging", "config"))
                .because("domain depends on nothing of its service"));
        rules.add(noClasses().that().resideInAPackage(root + ".persistence..")
                .should().dependOnClassesThat().resideInAnyPackage(layers(root, "api", "service", "messaging"))
                .because("persistence holds entities and repositories only"));
        rules.add(noClasses().that().resideInAPackage(root + ".service..")
                .should().dependOnClassesThat().resideInAnyPackage(layers(root, "api"))
                .because("api calls service, never back"));
        rules.add(noClasses().that().resideInAPackage(root + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage(layers(root, "persistence"))
                .because("entities never leave a service: resources see what services return"));
        rules.add(noClasses().that().resideInAPackage(root + ".messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(layers(root, "api"))
                .because("consumers call services, not resources"));
        rules.add(noClasses().that().resideInAPackage(root + ".config..")
                .should().dependOnClassesThat().resideInAnyPackage(layers(root, "api", "service", "persistence",
                        "messaging"))
                .because("settings depend on no layer"));
        List<String> others = SERVICES.stream().filter(service -> !service.equals(root)).map(s -> s + "..").toList();
        rules.add(noClasses().should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                .because("services share only the kit; each owns its domain"));
        return rules.stream().map(rule -> rule.allowEmptyShould(true)).toList();
    }

    /** The rule of a library: it imports no service. */
    public static ArchRule libraryRule() {
        String[] services = SERVICES.stream().map(service -> service + "..").toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(services)
                .because("the kit is infrastructure without domain").allowEmptyShould(true);
    }

    private static JavaClasses mainClasses(String root) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(root);
        if (classes.isEmpty()) {
            throw new AssertionError("no main classes under " + root + ": the rules would check nothing");
        }
        return classes;
    }

    private static String[] layers(String root, String... names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = root + "." + names[i] + "..";
        }
        return packages;
    }

    private static void check(JavaClasses classes, List<ArchRule> rules) {
        StringBuilder failures = new StringBuilder();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.append(result.getFailureReport()).append('\n');
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.toString());
        }
    }
}
