package dev.mgnagent.event;

/**
 * Something mgn-agent did or noticed while working, reported to an {@link EventListener}. Core
 * code never prints; the CLI renders these events (a progress bar on a terminal, plain lines
 * otherwise, JSON with {@code --json}).
 *
 * <p>Every event is an immutable record in this package; switch over them with pattern matching.
 * New event types are added to the {@code permits} list as capabilities grow, so a listener should
 * ignore events it does not know.
 */
public sealed interface MgnAgentEvent
    permits DownloadStarted, DownloadProgress, DownloadRetrying, DownloadFinished,
        InstallerStarted, InstallerOutput, InstallerPromptAnswered, InstallerFinished,
        InstallStepStarted, InstallStepFinished, InstallStepFailed,
        ReplicationStatusChanged, ReplicationRefreshed {}
