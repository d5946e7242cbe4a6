/**
 * The commands that talk to MGN: {@code init-service}, {@code status}, {@code reconcile}.
 *
 * <p>Not API: the CLI's classes may change in any release; use the core library to embed mgn-agent.
 */
package dev.mgnagent.cli.service;
