/**
 * Picocli mixins for the options several commands share ({@code --json}, {@code --region} with
 * {@code --endpoint} and {@code --profile}, {@code --s3-endpoint}, {@code --host-root}, {@code
 * --flavor}, {@code --dualstack}), each spelled, described and checked in one place.
 *
 * <p>Not API: the CLI's classes may change in any release; use the core library to embed mgn-agent.
 */
package dev.mgnagent.cli.options;
