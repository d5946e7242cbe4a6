/**
 * Implementations of {@link dev.mgnagent.installer}: not API, may change without notice. Use
 * {@link dev.mgnagent.installer.InstallerVerifier} and {@link
 * dev.mgnagent.installer.InstallerLocation} instead.
 */
package dev.mgnagent.installer.internal;
