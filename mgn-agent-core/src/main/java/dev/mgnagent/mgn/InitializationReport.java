package dev.mgnagent.mgn;

import java.util.List;

/**
 * Every part of MGN's initialization in a region (each service role, the service itself, the
 * replication and the launch configuration template) with its state, and notes on what
 * initialization cannot do by itself.
 *
 * @param region the region inspected
 * @param parts the parts, in the order initialization creates them
 * @param notes closing remarks, such as a managed policy whose ARN is not documented
 */
public record InitializationReport(
    String region, List<InitializationPart> parts, List<String> notes) {
  public InitializationReport {
    parts = List.copyOf(parts);
    notes = List.copyOf(notes);
  }

  /** Whether every part is present. */
  public boolean complete() {
    return parts.stream().allMatch(p -> p.state() == PartState.PRESENT);
  }

  /** The parts in {@code state}. */
  public List<InitializationPart> in(PartState state) {
    return parts.stream().filter(p -> p.state() == state).toList();
  }
}
