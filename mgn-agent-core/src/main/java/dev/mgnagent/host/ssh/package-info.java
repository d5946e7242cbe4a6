/**
 * A remote {@link dev.mgnagent.host.Host} reached over SSH: {@link dev.mgnagent.host.ssh.SshHost}
 * reads the remote files through SFTP, runs commands over exec channels (through {@code sudo} when
 * asked), and takes host locks with {@code flock}. Host keys are always verified against an OpenSSH
 * {@code known_hosts} file; there is no mode that accepts any key.
 *
 * <p>Null contract: no public method here accepts or returns {@code null}. Stability: public API,
 * evolving before 1.0.
 */
package dev.mgnagent.host.ssh;
