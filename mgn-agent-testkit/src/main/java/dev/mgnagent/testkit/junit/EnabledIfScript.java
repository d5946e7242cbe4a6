package dev.mgnagent.testkit.junit;

import dev.mgnagent.testkit.junit.internal.ScriptCondition;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test (or every test of the annotated class) only when util-linux's {@code
 * script} is executable at {@code /usr/bin/script}, to run a command under a pseudo-terminal;
 * otherwise the test is reported as skipped, with the reason.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ScriptCondition.class)
public @interface EnabledIfScript {}
