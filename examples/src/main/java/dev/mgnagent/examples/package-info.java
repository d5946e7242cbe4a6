/** Small runnable programs, one per use case of the core API; the build runs each of them. */
package dev.mgnagent.examples;
