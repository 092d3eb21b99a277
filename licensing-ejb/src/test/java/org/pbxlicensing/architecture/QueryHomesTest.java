package org.pbxlicensing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every JPQL or SQL statement has one home per aggregate: a class whose name says so. Read from the
 * compiled classes, so a statement built in a lambda or a nested class counts for the class around it.
 */
class QueryHomesTest {

    /**
     * {@code Queries}: an aggregate's statements ({@code CouponQueries}, {@code SessionQueries} …).
     * {@code Claim} and {@code ClaimLock}: a conditional write that decides a race on its own
     * ({@code RegistrationClaimLock}, {@code SubmissionClaim}, {@code SecondFactorClaim}), kept apart
     * because its callers must know it locks or wins.
     */
    private static final List<String> HOME_SUFFIXES = List.of("Queries", "Claim", "ClaimLock");

    private static final Set<String> QUERY_FACTORIES = Set.of("createQuery", "createNativeQuery", "createNamedQuery");

    private static final DescribedPredicate<JavaMethodCall> CREATE_A_QUERY =
            DescribedPredicate.describe("create a query on the EntityManager", call ->
                    call.getTargetOwner().isAssignableTo(EntityManager.class)
                            && QUERY_FACTORIES.contains(call.getName()));

    private static final DescribedPredicate<JavaClass> OUTSIDE_QUERY_HOMES =
            DescribedPredicate.describe("are no query homes (named *" + String.join(", *", HOME_SUFFIXES) + ")",
                    javaClass -> HOME_SUFFIXES.stream().noneMatch(outermost(javaClass).getSimpleName()::endsWith));

    private static JavaClasses application;

    @BeforeAll
    static void importTheServices() {
        application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pbxlicensing");
        assertTrue(application.contain("org.pbxlicensing.service.coupon.CouponQueries"),
                "the classes of licensing-ejb were imported");
    }

    @Test
    void statementsAreWrittenOnlyInTheirHomes() {
        noClasses().that(OUTSIDE_QUERY_HOMES)
                .should().callMethodWhere(CREATE_A_QUERY)
                .because("each aggregate's statements live in one class named after it, e.g. CouponQueries")
                .check(application);
    }

    /** The homes this rule names are where the statements are: without this, a rule that sees no call would pass. */
    @Test
    void theHomesWriteStatements() {
        classes().that().haveFullyQualifiedName("org.pbxlicensing.service.coupon.CouponQueries")
                .or().haveFullyQualifiedName("org.pbxlicensing.service.admin.AdminSearchQueries")
                .should().callMethodWhere(CREATE_A_QUERY)
                .check(application);
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
