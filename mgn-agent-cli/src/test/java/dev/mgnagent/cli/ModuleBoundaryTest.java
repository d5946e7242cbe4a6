package dev.mgnagent.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code internal} means internal to a module: the CLI (main and tests) and the testkit use only
 * the public API of core, and the CLI only the public API of the testkit. The CLI's class path
 * holds all three modules, so the rule is checked here.
 */
class ModuleBoundaryTest {

  private static JavaClasses all;

  @BeforeAll
  static void importModules() {
    all = new ClassFileImporter().importPackages("dev.mgnagent.cli", "dev.mgnagent.testkit");
  }

  @Test
  void cliUsesNoInternalClassOfAnotherModule() {
    noClasses()
        .that()
        .resideInAPackage("dev.mgnagent.cli..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.mgnagent..internal..")
                .and(not(resideInAPackage("dev.mgnagent.cli.."))))
        .check(all);
  }

  @Test
  void testkitUsesNoInternalClassOfCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.mgnagent.testkit..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.mgnagent..internal..")
                .and(not(resideInAPackage("dev.mgnagent.testkit.."))))
        .check(all);
  }
}
