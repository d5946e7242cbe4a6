package dev.mgnagent.testkit.junit;

import dev.mgnagent.testkit.junit.internal.LinuxSysfsCondition;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test (or every test of the annotated class) only on a machine with Linux's
 * sysfs block devices ({@code /sys/block} is a directory), for tests that read this machine's own
 * disks; otherwise the test is reported as skipped, with the reason.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LinuxSysfsCondition.class)
public @interface EnabledIfLinuxSysfs {}
