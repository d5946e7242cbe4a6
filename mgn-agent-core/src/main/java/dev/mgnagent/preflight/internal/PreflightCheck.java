package dev.mgnagent.preflight.internal;

import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.CheckStatus;
import java.util.function.Function;

/** One check: a stable id, a title, and what it decides from the context. */
public interface PreflightCheck {

  String id();

  String title();

  CheckResult run(CheckContext context);

  /** A check whose body returns a {@link Verdict}. */
  static PreflightCheck of(String id, String title, Function<CheckContext, Verdict> body) {
    return new PreflightCheck() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String title() {
        return title;
      }

      @Override
      public CheckResult run(CheckContext context) {
        Verdict v = body.apply(context);
        return new CheckResult(id, title, v.status(), v.evidence(), v.remedy());
      }
    };
  }

  /** What a check decided, before its id and title are attached. */
  record Verdict(CheckStatus status, String evidence, String remedy) {
    public static Verdict pass(String evidence) {
      return new Verdict(CheckStatus.PASS, evidence, "");
    }

    public static Verdict warn(String evidence, String remedy) {
      return new Verdict(CheckStatus.WARN, evidence, remedy);
    }

    public static Verdict fail(String evidence, String remedy) {
      return new Verdict(CheckStatus.FAIL, evidence, remedy);
    }

    public static Verdict skipped(String why) {
      return new Verdict(CheckStatus.SKIPPED, why, "");
    }
  }
}
