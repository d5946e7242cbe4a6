package dev.mgnagent.cli.fleet;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code fleet install --ssm}: install through Systems Manager Run Command. */
public final class SsmOptions {

  @Option(
      names = "--ssm",
      description =
          "Install through AWS Systems Manager Run Command on managed nodes instead of over SSH"
              + " (needs --instance-ids or --targets, and short-lived install credentials).")
  boolean ssm;

  @Option(
      names = "--instance-ids",
      split = ",",
      paramLabel = "ID",
      description = "With --ssm: the managed nodes (i-... or mi-...), comma-separated.")
  List<String> instanceIds = new ArrayList<>();

  @Option(
      names = "--targets",
      paramLabel = "tag:KEY=VALUE",
      description = "With --ssm: every managed node carrying this tag.")
  String targets;

  @Option(
      names = "--ssm-endpoint",
      paramLabel = "URL",
      description = "With --ssm: the Systems Manager endpoint (default: the region's).")
  URI ssmEndpoint;

  @Option(
      names = "--output-s3-bucket",
      paramLabel = "BUCKET",
      description = "With --ssm: an S3 bucket that receives every node's full output.")
  String outputS3Bucket;

  @Option(
      names = "--execution-timeout",
      paramLabel = "SECONDS",
      description = "With --ssm: how long the script may run on a node (default: 1800).")
  Integer executionTimeout;

  @Option(
      names = "--delivery-timeout",
      paramLabel = "SECONDS",
      description = "With --ssm: how long a node may take to receive the command (default: 600).")
  Integer deliveryTimeout;

  /** Whether any SSM-only option was given (they need --ssm). */
  boolean anyGiven() {
    return !instanceIds.isEmpty()
        || targets != null
        || ssmEndpoint != null
        || outputS3Bucket != null
        || executionTimeout != null
        || deliveryTimeout != null;
  }
}
