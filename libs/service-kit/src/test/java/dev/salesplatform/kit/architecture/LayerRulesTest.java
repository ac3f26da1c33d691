package dev.salesplatform.kit.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import dev.salesplatform.testkit.LayerRules;

/** The layering rules catch what they name: a fixture service breaks each of them once. */
class LayerRulesTest {

    @Test
    void everyRuleCatchesItsViolation() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.salesplatform.layerfixture");
        List<String> broken = LayerRules.serviceRules("dev.salesplatform.layerfixture").stream()
                .filter(rule -> rule.evaluate(fixture).hasViolation())
                .map(ArchRule::getDescription)
                .map(description -> description.substring(description.lastIndexOf("because ") + "because ".length()))
                .toList();
        assertEquals(List.of("domain rules are plain Java", "domain depends on nothing of its service",
                "persistence holds entities and repositories only", "api calls service, never back",
                "entities never leave a service: resources see what services return",
                "consumers call services, not resources", "services share only the kit; each owns its domain"),
                broken);
    }

    @Test
    void aLibraryImportingAServiceBreaksTheLibraryRule() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.salesplatform.layerfixture");
        assertTrue(LayerRules.libraryRule().evaluate(fixture).hasViolation());
    }
}
