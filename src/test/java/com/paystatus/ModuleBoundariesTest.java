package com.paystatus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.paystatus.audit.Auditable;
import com.paystatus.shared.PublicChange;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are modules: each offers its service and records from its base package and
 * keeps entities and repositories to itself. Spring Modulith checks the dependencies between
 * modules; ArchUnit what Modulith does not. The module diagram is written to {@code
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
    void writesTheModuleDiagram() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
