/**
 * Which AWS credentials an installation uses and where they came from: {@link
 * dev.mgnagent.credentials.CredentialsResolver} applies the order explicit keys, profile, prompt,
 * default chain, and {@link dev.mgnagent.credentials.ResolvedCredentials} holds the result. {@link
 * dev.mgnagent.credentials.AssumeRoleMinter} mints short-lived install credentials ({@link
 * dev.mgnagent.credentials.TemporaryCredentials}) with STS {@code AssumeRole}.
 *
 * <p>Null contract: no public method here accepts or returns {@code null}; an absent value is an
 * empty {@code Optional} or an empty collection. Stability: public API, evolving before 1.0 (a
 * minor release may change it; every change is listed in CHANGELOG.md).
 */
package dev.mgnagent.credentials;
