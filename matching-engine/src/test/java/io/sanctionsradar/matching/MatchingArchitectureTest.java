package io.sanctionsradar.matching;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The engine is plain Java. */
class MatchingArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sanctionsradar.matching");

    // a framework would tie the engine to one service's runtime; ICU4J and commons-codec are libraries
    @Test
    void the_engine_uses_the_jdk_icu4j_and_commons_codec_only() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.ibm.icu..",
                "org.apache.commons.codec..", "io.sanctionsradar.matching..").check(ENGINE);
    }
}
