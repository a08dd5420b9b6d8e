package com.paystatus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.paystatus.audit.Auditable;
import com.paystatus.shared.PublicChange;
import com.paystatus.status.cache.PublicPageCache;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;

/**
 * The feature packages are modules: each offers its service and records from its base package and
 * keeps entities and repositories to itself. Spring Modulith checks the dependencies between
 * modules against the {@code allowedDependencies} in each module's {@code package-info.java};
 * ArchUnit what Modulith does not: cycles between packages inside a module, and public controllers
 * that would read the database per request. The module diagram is written to {@code
 * target/spring-modulith-docs}.
 */
class ModuleBoundariesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PayStatusApplication.class);

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.paystatus");

    @Test
    void modulesUseOnlyEachOthersPublishedTypesAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void monitoringOnlyProposesThroughTheNoticeFeatureAndKnowsNeitherTheAdminNorDelivery() {
        noClasses()
                .that()
                .resideInAPackage("com.paystatus.integration..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.paystatus.admin..", "com.paystatus.security..", "com.paystatus.subscription..")
                .because("alerts become notices through NoticeService; operators hear of them through OperatorAlert")
                .check(CLASSES);
    }

    @Test
    void repositoriesAndEntitiesStayInsideTheirFeature() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .should()
                .bePublic()
                .because("other features call the feature's service, which returns records")
                .check(CLASSES);
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .notBePublic()
                .because("templates and JSON never see an entity")
                .check(CLASSES);
    }

    @Test
    void publicChangesAreAuditedRecordsOfTheirFeatureThatCarryNoEntity() {
        classes()
                .that()
                .implement(PublicChange.class)
                .should()
                .beRecords()
                .andShould()
                .implement(Auditable.class)
                .andShould()
                .bePublic()
                .because("a public change reaches the snapshot and the audit log as one domain event")
                .check(CLASSES);
        noClasses()
                .that()
                .implement(Auditable.class)
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Entity.class)
                .because("events carry records, never entities")
                .check(CLASSES);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("com.paystatus.(**)")
                .should()
                .beFreeOfCycles()
                .because("a package can be read, and moved, on its own")
                .check(CLASSES);
    }

    /**
     * Public controllers that read the database, each for pages the public page cache renders once
     * per revision and keeps (see {@code PublicEndpoints}), not once per request.
     */
    static final Set<String> PUBLIC_CONTROLLERS_READING_THE_DATABASE = Set.of(
            // /history: every page and filter of the whole history, rendered through the cache as a variant
            "com.paystatus.status.HistoryController",
            // /notices/{id} (and its QR code) for a notice older than the snapshot: a rare read, kept as a variant
            "com.paystatus.status.StatusPagesController");

    @Test
    void publicControllersReadTheSnapshotNotTheDatabase() {
        noClasses()
                .that()
                .resideInAPackage("com.paystatus.status..")
                .and()
                .areMetaAnnotatedWith(Controller.class)
                .and(DescribedPredicate.describe(
                        "are not named exceptions",
                        (JavaClass c) -> !PUBLIC_CONTROLLERS_READING_THE_DATABASE.contains(c.getName())))
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "read the database (repositories, services, JDBC)",
                        (JavaClass c) -> c.getSimpleName().endsWith("Repository")
                                || c.isAnnotatedWith(Service.class)
                                || c.isAssignableTo(JdbcTemplate.class)
                                || c.isAssignableTo(DataSource.class)))
                .because("public reads never touch the database per request: they read the StatusSnapshot")
                .check(CLASSES);
    }

    @Test
    void onlyThePublicPageCacheSetsCachingHeadersOnPublicAnswers() {
        noClasses()
                .that()
                .resideInAPackage("com.paystatus.status..")
                .and()
                .resideOutsideOfPackage("com.paystatus.status.cache..")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "sets Cache-Control or Vary on a ResponseEntity",
                        (JavaMethodCall call) -> call.getTargetOwner()
                                        .getName()
                                        .startsWith(ResponseEntity.class.getName())
                                && Set.of("cacheControl", "varyBy").contains(call.getName())
                                // QR codes are not kept by the cache; their bytes never change for a URL
                                && !(call.getOriginOwner().getSimpleName().equals("StatusPagesController")
                                        && call.getOrigin().getName().equals("qr"))))
                .orShould()
                .accessField(PublicPageCache.class, "CACHE_CONTROL")
                .because("the cache keeps these answers and decides how long others may keep them")
                .check(CLASSES);
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
