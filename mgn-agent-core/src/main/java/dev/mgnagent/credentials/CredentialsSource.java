package dev.mgnagent.credentials;

/** Where the AWS credentials for a call came from, in the order they are tried. */
public enum CredentialsSource {
  /** Keys given explicitly (flags or API). */
  EXPLICIT,
  /** A named profile of the shared config and credentials files. */
  PROFILE,
  /** {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} in the host environment. */
  ENVIRONMENT,
  /** The AWS default credentials chain (profile files, container and instance roles, SSO). */
  DEFAULT_CHAIN
}
