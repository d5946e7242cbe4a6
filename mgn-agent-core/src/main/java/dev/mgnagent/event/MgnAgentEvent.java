package dev.mgnagent.event;

/**
 * Something mgn-agent did or noticed while working, reported to an {@link EventListener}. Core code
 * never prints; the CLI renders these events (a progress bar on a terminal, plain lines otherwise,
 * JSON with {@code --json}).
 *
 * <p>Every event is an immutable record that lives in the package of the capability that emits it
 * (download events in {@code installer}, step events in {@code install}, replication events in
 * {@code mgn}). New event types are added as capabilities grow, so a listener must ignore events it
 * does not know; {@link EventListener#on} registers for one type without {@code instanceof}.
 */
public interface MgnAgentEvent {}
