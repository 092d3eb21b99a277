package org.pbxlicensing.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the three code modules, read from their compiled classes: the domain knows neither
 * the services nor the web, the services do not know the web, the web reaches the database only
 * through the services, and no package of a layer depends on another that depends back on it.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importTheApplication() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pbxlicensing");
        for (String layer : new String[] {"org.pbxlicensing.domain", "org.pbxlicensing.service", "org.pbxlicensing.web"}) {
            assertTrue(classes.containPackage(layer), "the classes of " + layer + " were imported");
        }
    }

    @Test
    void theDomainKnowsNeitherTheServicesNorTheWeb() {
        noClasses().that().resideInAPackage("org.pbxlicensing.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.pbxlicensing.service..", "org.pbxlicensing.infrastructure..", "org.pbxlicensing.web..")
                .check(classes);
    }

    @Test
    void theServicesDoNotKnowTheWeb() {
        noClasses().that().resideInAnyPackage("org.pbxlicensing.service..", "org.pbxlicensing.infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("org.pbxlicensing.web..")
                .check(classes);
    }

    /** Telling a database outage from other failures by the exception's type is not a query. */
    @Test
    void theWebNeverQueriesTheDatabase() {
        noClasses().that().resideInAPackage("org.pbxlicensing.web..")
                .should().dependOnClassesThat(resideInAnyPackage("jakarta.persistence..", "java.sql..", "javax.sql..")
                        .and(not(assignableTo(Throwable.class))))
                .check(classes);
    }

    @Test
    void theWebsPackagesHaveNoCycle() {
        slices().matching("org.pbxlicensing.web.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theDomainsConceptsHaveNoCycle() {
        slices().matching("org.pbxlicensing.domain.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theServicesHaveNoCycle() {
        slices().matching("org.pbxlicensing.(service|infrastructure).(*)..").should().beFreeOfCycles().check(classes);
    }
}
