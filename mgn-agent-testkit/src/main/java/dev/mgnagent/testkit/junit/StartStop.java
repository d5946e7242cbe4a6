package dev.mgnagent.testkit.junit;

import dev.mgnagent.testkit.junit.internal.StartStopExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the fake held by the annotated field before the tests and closes it after them: a field of
 * any {@link dev.mgnagent.testkit.Startable} type ({@code FakeMgn}, {@code FakeInstallerBucket},
 * {@code MgnSandbox}), initialized with a built, not yet started, fake.
 *
 * <pre>{@code
 * class MyTest {
 *   @StartStop FakeMgn mgn = FakeMgn.builder().initialized(true).build();
 *
 *   @Test
 *   void listsServers() { ... mgn.endpoint() ... }
 * }
 * }</pre>
 *
 * <p>An instance field is started before each test and closed after it (a new test instance, so a
 * new fake, for each test, with JUnit's default lifecycle; with the per-class lifecycle, {@code
 * TestInstance.Lifecycle.PER_CLASS}, the same fake is started again for each test, which an {@code
 * MgnSandbox} refuses: make it {@code static}). A {@code static} field is started once before the
 * class's first test and closed after its last. Fields start in declaration order, superclass
 * fields first, and close in reverse order. When one fails to start, the ones already started are
 * closed and the test fails naming the field; a field that is null or not {@code Startable} fails
 * the same way. No other annotation is needed on the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@ExtendWith(StartStopExtension.class)
public @interface StartStop {}
