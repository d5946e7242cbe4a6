package dev.mgnagent.mgn.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** MGN's date and duration strings ({@code etaDateTime}, {@code lagDuration}), read leniently. */
final class Dates {
  private Dates() {}

  /** An ISO-8601 date-time, with or without an offset other than Z; empty when unreadable. */
  static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }

  /** An ISO-8601 duration such as {@code PT1M30S}; empty when unreadable. */
  static Optional<Duration> duration(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
