package dev.mgnagent.cli.preflight;

import dev.mgnagent.cli.Flags;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.CheckStatus;
import dev.mgnagent.preflight.PreflightReport;
import java.util.Locale;

/**
 * Renders a {@link PreflightReport}: a table with remedies under problems, or one JSON document.
 */
public final class PreflightView {

  private static final String RESET = "\u001b[0m";

  private PreflightView() {}

  public static String json(PreflightReport report) {
    JsonWriter json = JsonWriter.object().beginArray("checks");
    for (CheckResult r : report.checks()) {
      json.beginObject()
          .field("id", r.id())
          .field("title", r.title())
          .field("status", r.status().name())
          .field("evidence", Flags.inCliTerms(r.evidence()))
          .field("remedy", Flags.inCliTerms(r.remedy()))
          .endObject();
    }
    return json.endArray().toJson();
  }

  public static String table(PreflightReport report, boolean colour) {
    int width = report.checks().stream().mapToInt(r -> r.id().length()).max().orElse(10);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(Locale.ROOT, "%-8s %-" + width + "s %s%n", "STATUS", "CHECK", "FINDING"));
    for (CheckResult r : report.checks()) {
      String status = String.format(Locale.ROOT, "%-8s", r.status().name());
      out.append(colour ? paint(r.status()) + status + RESET : status)
          .append(' ')
          .append(String.format(Locale.ROOT, "%-" + width + "s", r.id()))
          .append(' ')
          .append(TerminalText.escape(r.title()))
          .append(": ")
          .append(TerminalText.escape(Flags.inCliTerms(r.evidence())))
          .append('\n');
      if (!r.remedy().isEmpty()) {
        out.append(" ".repeat(9 + width + 1))
            .append("fix: ")
            .append(TerminalText.escape(Flags.inCliTerms(r.remedy())))
            .append('\n');
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d checks: %d passed, %d warnings, %d failed," + " %d skipped%n",
            report.checks().size(),
            count(report, CheckStatus.PASS),
            count(report, CheckStatus.WARN),
            count(report, CheckStatus.FAIL),
            count(report, CheckStatus.SKIPPED)));
    return out.toString();
  }

  private static long count(PreflightReport report, CheckStatus status) {
    return report.withStatus(status).size();
  }

  private static String paint(CheckStatus status) {
    return switch (status) {
      case PASS -> "\u001b[32m";
      case WARN -> "\u001b[33m";
      case FAIL -> "\u001b[31;1m";
      case SKIPPED -> "\u001b[2m";
    };
  }
}
