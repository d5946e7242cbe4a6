package dev.mgnagent.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.net.URISyntaxException;
import java.util.Set;
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
    // only the CLI's and the testkit's own class directories and jars: scanning the whole class
    // path for two packages (the AWS SDK included) took 20 s; the classes they depend on are
    // known by name, which is all the rules need
    all =
        new ClassFileImporter()
            .importLocations(
                Set.of(
                    locationOf(Main.class),
                    locationOf(ModuleBoundaryTest.class),
                    locationOf(MgnSandbox.class)));
  }

  private static Location locationOf(Class<?> type) {
    try {
      return Location.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void bothModulesAreImported() {
    assertThat(all.containPackage("dev.mgnagent.cli.install")).isTrue();
    assertThat(all.containPackage("dev.mgnagent.testkit.sandbox")).isTrue();
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
