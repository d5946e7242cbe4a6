package dev.mgnagent.testkit.junit;

import dev.mgnagent.testkit.junit.internal.Python3Condition;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test (or every test of the annotated class) only when an executable {@code
 * python3} is on the {@code PATH}, as the Python flavor of the installer needs; otherwise the test
 * is reported as skipped, with the reason.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(Python3Condition.class)
public @interface EnabledIfPython3 {}
