package dev.mgnagent.testkit.ssh;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the annotated tests only where Debian's OpenSSH server ({@code /usr/sbin/sshd}, package
 * {@code openssh-server}) and {@code ssh-keygen} can run; otherwise they are skipped with a
 * one-line reason (the reason {@link OpenSshServer#unavailableReason()} gives).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfOpenSshServer.Condition.class)
public @interface EnabledIfOpenSshServer {

  /** The JUnit condition behind the annotation. */
  public final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return OpenSshServer.unavailableReason()
          .map(ConditionEvaluationResult::disabled)
          .orElse(ConditionEvaluationResult.enabled("OpenSSH server available"));
    }
  }
}
