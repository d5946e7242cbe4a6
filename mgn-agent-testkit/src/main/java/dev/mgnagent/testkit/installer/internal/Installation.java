package dev.mgnagent.testkit.installer.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the fake installer leaves on the "host" (facts, section 4), written only under its install
 * root: the {@code aws-replication} user and group, a sudoers entry, the agent directory and logs.
 */
final class Installation {

  static final String AGENT_DIR = "var/lib/aws-replication-agent";

  private final Path root;

  Installation(Path root) {
    this.root = root;
  }

  void createUserAndFiles() throws IOException {
    appendLineOnce(
        "etc/passwd",
        "aws-replication:x:994:991:AWS Replication Agent:/var/lib/aws-replication-agent:/sbin/nologin");
    appendLineOnce("etc/group", "aws-replication:x:991:");
    write("etc/sudoers.d/aws-replication", "aws-replication ALL=(ALL) NOPASSWD: ALL\n");
    Path agent = root.resolve(AGENT_DIR);
    Files.createDirectories(agent.resolve("dist"));
    write(AGENT_DIR + "/VERSION", "fake-1.0\n");
    write(AGENT_DIR + "/uninstall-agent.sh", "#!/bin/sh\necho fake uninstall\n");
  }

  void writeConfig(String sourceServerId, String region) throws IOException {
    write(
        AGENT_DIR + "/agent.config",
        "{\"sourceServerId\":\""
            + sourceServerId
            + "\",\"region\":\""
            + region
            + "\",\"service\":\"mgn-clients\"}\n");
  }

  void log(String line) throws IOException {
    Path log = root.resolve(AGENT_DIR).resolve("aws_replication_agent_installer.log");
    Files.createDirectories(log.getParent());
    Files.writeString(
        log,
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private void appendLineOnce(String relative, String line) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    String existing = Files.exists(file) ? Files.readString(file) : "";
    if (!existing.contains(line.substring(0, line.indexOf(':') + 1))) {
      Files.writeString(file, existing + line + "\n");
    }
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
