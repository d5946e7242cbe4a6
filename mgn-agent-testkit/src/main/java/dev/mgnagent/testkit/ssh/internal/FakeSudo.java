package dev.mgnagent.testkit.ssh.internal;

import dev.mgnagent.Secret;
import dev.mgnagent.testkit.installer.FakeInstaller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Writes a fake host's {@code sudo}: a bash script that behaves as sudo does for a user allowed to
 * run everything, with or without a password, with or without {@code requiretty}, and then runs the
 * command as the calling user (it grants nothing). The password is kept only as its SHA-256.
 */
public final class FakeSudo {

  /** The variables the fake sudo keeps besides its own, as sudoers' {@code env_keep} would. */
  public static final String KEPT_VARIABLES =
      "TERM LANG LANGUAGE LC_ALL " + FakeInstaller.HOST_ROOT_VARIABLE;

  private FakeSudo() {}

  /**
   * Writes {@code sudo} into {@code binDirectory}.
   *
   * @param password the password sudo asks for, or empty for {@code NOPASSWD}
   * @param requiretty whether sudoers has {@code Defaults requiretty}
   * @param hostname what {@code %h} and {@code %H} of a prompt expand to
   */
  public static Path write(
      Path binDirectory, Optional<Secret> password, boolean requiretty, String hostname)
      throws IOException {
    String script =
        SCRIPT
            .replace("@NEEDS_PASSWORD@", password.isPresent() ? "1" : "0")
            .replace("@PASSWORD_SHA256@", password.map(FakeSudo::sha256).orElse(""))
            .replace("@REQUIRETTY@", requiretty ? "1" : "0")
            .replace("@HOSTNAME@", hostname.replaceAll("[^A-Za-z0-9.-]", ""))
            .replace("@BIN@", binDirectory.toAbsolutePath().toString().replace("'", ""))
            .replace("@KEPT@", KEPT_VARIABLES);
    Files.createDirectories(binDirectory);
    Path sudo = binDirectory.resolve("sudo");
    Files.writeString(sudo, script, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
    return sudo;
  }

  private static String sha256(Secret secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(secret.reveal().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String SCRIPT =
      """
      #!/bin/bash
      # mgn-agent testkit: the sudo of a fake SSH host. It imitates sudo for a user that sudoers
      # allows to run every command, and then runs the command as the calling user: it grants
      # nothing. Behaviour and messages follow sudo(8), sudoers(5) and sudo's own source:
      #   https://github.com/sudo-project/sudo/blob/main/plugins/sudoers/auth/sudo_auth.c
      #     (passwd_tries, 3 by default; "Sorry, try again." before each new try)
      #   https://github.com/sudo-project/sudo/blob/main/plugins/sudoers/logging.c
      #     ("a password is required", "%u incorrect password attempts",
      #      "sorry, you must have a tty to run sudo")
      #   https://github.com/sudo-project/sudo/blob/main/src/tgetpass.c
      #     ("a terminal is required to read the password; either use the -S option to read from
      #      standard input or configure an askpass helper", "no password was provided")
      # The password is never stored here, only its SHA-256, and never reaches a command line.
      NEEDS_PASSWORD=@NEEDS_PASSWORD@
      PASSWORD_SHA256=@PASSWORD_SHA256@
      REQUIRETTY=@REQUIRETTY@
      HOST_NAME=@HOSTNAME@
      SECURE_PATH='@BIN@':/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
      CALLER="${USER:-$(id -un)}"

      usage() {
        echo "usage: sudo [-AbEHknPSV] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [command [arg ...]]" >&2
        exit 1
      }

      non_interactive=0
      from_stdin=0
      prompt='[sudo] password for %p: '
      while [ $# -gt 0 ]; do
        case "$1" in
          --) shift; break ;;
          -n|--non-interactive) non_interactive=1; shift ;;
          -S|--stdin) from_stdin=1; shift ;;
          -H|-E|-k|--set-home|--preserve-env|--reset-timestamp) shift ;;
          -p|--prompt) [ $# -ge 2 ] || usage; prompt="$2"; shift 2 ;;
          --prompt=*) prompt="${1#--prompt=}"; shift ;;
          -p*) prompt="${1#-p}"; shift ;;
          -u|--user)
            [ $# -ge 2 ] || usage
            if [ "$2" != root ] && [ "$2" != "#0" ]; then
              echo "Sorry, user $CALLER is not allowed to execute '${*:3}' as $2 on $HOST_NAME." >&2
              exit 1
            fi
            shift 2 ;;
          -[nSHEk]*)
            flags="${1#-}"
            while [ -n "$flags" ]; do
              case "${flags:0:1}" in
                n) non_interactive=1 ;;
                S) from_stdin=1 ;;
                H|E|k) ;;
                *) echo "sudo: invalid option -- '${flags:0:1}'" >&2; usage ;;
              esac
              flags="${flags:1}"
            done
            shift ;;
          -*) echo "sudo: invalid option -- '${1#-}'" >&2; usage ;;
          *) break ;;
        esac
      done
      [ $# -gt 0 ] || usage

      # sudoers' requiretty: refused without a controlling terminal, before any password
      if [ "$REQUIRETTY" = 1 ] && ! ( : </dev/tty ) 2>/dev/null; then
        echo "sudo: sorry, you must have a tty to run sudo" >&2
        exit 1
      fi

      expand_prompt() {
        local rest="$1" text="" c
        while [ -n "$rest" ]; do
          c="${rest:0:1}"
          if [ "$c" = % ] && [ ${#rest} -gt 1 ]; then
            case "${rest:1:1}" in
              p|u|U) text+="$CALLER" ;;
              h|H) text+="$HOST_NAME" ;;
              %) text+=% ;;
              *) text+="${rest:0:2}" ;;
            esac
            rest="${rest:2}"
          else
            text+="$c"
            rest="${rest:1}"
          fi
        done
        printf '%s' "$text"
      }

      if [ "$NEEDS_PASSWORD" = 1 ]; then
        if [ "$non_interactive" = 1 ]; then
          echo "sudo: a password is required" >&2
          exit 1
        fi
        if [ "$from_stdin" != 1 ]; then
          echo "sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper" >&2
          echo "sudo: a password is required" >&2
          exit 1
        fi
        tries=0
        while :; do
          expand_prompt "$prompt" >&2
          if ! IFS= read -r typed; then
            if [ -z "$typed" ]; then
              echo "sudo: no password was provided" >&2
              echo "sudo: a password is required" >&2
              exit 1
            fi
          fi
          # printf is a shell builtin: the password reaches sha256sum on its stdin only
          if [ "$(printf '%s' "$typed" | sha256sum | cut -d' ' -f1)" = "$PASSWORD_SHA256" ]; then
            unset typed
            break
          fi
          tries=$((tries + 1))
          if [ "$tries" -ge 3 ]; then
            echo "sudo: $tries incorrect password attempts" >&2
            exit 1
          fi
          # read from a pipe, the password is not echoed and no newline follows the prompt
          echo "Sorry, try again." >&2
        done
      fi

      if ! PATH="$SECURE_PATH" command -v -- "$1" >/dev/null 2>&1; then
        echo "sudo: $1: command not found" >&2
        exit 1
      fi
      # env_reset: a fresh environment with the kept variables and sudo's own
      kept=()
      for name in @KEPT@; do
        if [ -n "${!name+set}" ]; then
          kept+=("$name=${!name}")
        fi
      done
      # every LC_ variable (this script sets none, so each came from the environment)
      for name in "${!LC_@}"; do
        kept+=("$name=${!name}")
      done
      # the caller's IDs without starting id(1) twice for every command: $UID is bash's own, the
      # real group ID is the first of the Gid: line of /proc/$$/status (id -g where there is none)
      caller_gid=
      while read -r key value _; do
        [ "$key" = Gid: ] && { caller_gid=$value; break; }
      done </proc/$$/status 2>/dev/null
      [ -n "$caller_gid" ] || caller_gid=$(id -g)
      exec env -i "${kept[@]}" PATH="$SECURE_PATH" HOME="$HOME" SHELL=/bin/bash USER=root \\
        LOGNAME=root SUDO_USER="$CALLER" SUDO_UID="$UID" SUDO_GID="$caller_gid" \\
        SUDO_COMMAND="$*" "$@"
      """;
}
