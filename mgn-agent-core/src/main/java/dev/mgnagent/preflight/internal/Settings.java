package dev.mgnagent.preflight.internal;

import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.preflight.FileSystemSpace;
import dev.mgnagent.preflight.TcpConnector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * A validated preflight request.
 *
 * @param region the region, already checked for shape
 * @param mgnEndpoint an MGN endpoint override
 * @param s3Endpoint an S3 endpoint override (path style), replacing the public bucket hosts
 * @param replicationServer a replication server host (or host:port) to probe on TCP 1500
 * @param flavor which installer will be run
 * @param credentials credentials for the MGN call
 * @param mgnClient a client the caller built (not closed here)
 * @param space how free space is measured; empty with {@code noSpaceReason} when it cannot be
 * @param noSpaceReason why space cannot be measured
 * @param clock today's date for the end-of-support table
 * @param probeTimeout how long each network probe may take
 * @param connector how probes connect
 */
public record Settings(
    Optional<String> region,
    Optional<URI> mgnEndpoint,
    Optional<URI> s3Endpoint,
    Optional<String> replicationServer,
    InstallerFlavor flavor,
    Optional<AwsCredentialsProvider> credentials,
    Optional<MgnClient> mgnClient,
    Optional<FileSystemSpace> space,
    String noSpaceReason,
    Clock clock,
    Duration probeTimeout,
    TcpConnector connector) {}
