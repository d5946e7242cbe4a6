package dev.mgnagent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies between core's packages: capability packages form no cycle, the
 * event machinery and the shared root types depend on no capability, and {@code host} needs only
 * the root package (and, for {@code host.ssh}, Apache MINA SSHD).
 */
class PackageDependencyTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mgnagent");
  }

  @Test
  void capabilityPackagesFormNoCycle() {
    slices().matching("dev.mgnagent.(*)..").should().beFreeOfCycles().check(core);
  }

  @Test
  void eventDependsOnNothingOfMgnAgent() {
    classes()
        .that()
        .resideInAPackage("dev.mgnagent.event..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.mgnagent.event..")
        .check(core);
  }

  @Test
  void hostDependsOnlyOnTheRootPackage() {
    classes()
        .that()
        .resideInAPackage("dev.mgnagent.host..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.mgnagent", "dev.mgnagent.host..", "org.apache.sshd..")
        .check(core);
  }

  @Test
  void sharedRootTypesNeedNoCapabilityPackage() {
    classes()
        .that()
        .resideInAPackage("dev.mgnagent")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.mgnagent", "software.amazon.awssdk.regions..")
        .check(core);
  }
}
