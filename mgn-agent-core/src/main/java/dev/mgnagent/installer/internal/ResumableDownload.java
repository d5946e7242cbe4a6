package dev.mgnagent.installer.internal;

import dev.mgnagent.installer.DownloadFinished;
import dev.mgnagent.installer.DownloadProgress;
import dev.mgnagent.installer.DownloadStarted;
import dev.mgnagent.installer.InstallerDownloadException;
import dev.mgnagent.installer.InstallerFileException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Downloads one URL into a file channel, feeding every byte to SHA-512 as it arrives. Counts bytes
 * against {@code Content-Length}/{@code Content-Range} (a short body is a truncation, never
 * success); after a failure resumes with {@code Range: bytes=N-} and {@code If-Range}; a 200 answer
 * to a range request restarts the file and the digest from byte 0.
 */
final class ResumableDownload {

  /** The result: how many bytes, their SHA-512, and how many attempts it took. */
  record Downloaded(long sizeBytes, byte[] sha512, int attempts) {}

  private static final int BUFFER_BYTES = 1 << 20;
  private static final long PROGRESS_STEP = 1 << 20;

  private final VerifierSettings settings;
  private final HttpGet http;
  private final URI url;
  private final FileChannel file;
  private final Path filePath;
  private PipelinedSha512 sha512;

  private long offset;
  private OptionalLong total = OptionalLong.empty();
  private String validator;
  private long nextProgress = PROGRESS_STEP;

  ResumableDownload(VerifierSettings settings, URI url, FileChannel file, Path filePath) {
    this.settings = settings;
    this.http = new HttpGet(settings);
    this.url = url;
    this.file = file;
    this.filePath = filePath;
  }

  Downloaded run() {
    try (PipelinedSha512 hashing = new PipelinedSha512(BUFFER_BYTES)) {
      sha512 = hashing;
      return new RetryPolicy(settings).run(url, this::attempt, () -> offset);
    }
  }

  private Downloaded attempt(int attempt) throws RetryableFailure {
    Map<String, String> headers = new LinkedHashMap<>();
    if (offset > 0 && validator == null) {
      restart();
    }
    if (offset > 0) {
      headers.put("Range", "bytes=" + offset + "-");
      headers.put("If-Range", validator);
    }
    HttpURLConnection connection = http.send(url, headers, attempt);
    boolean complete = false;
    try {
      long expectedEnd = start(connection, attempt);
      settings.listener().onEvent(new DownloadStarted(url, offset, total));
      try (InputStream in = connection.getInputStream()) {
        copy(in, expectedEnd);
      } catch (IOException e) {
        throw http.classify(url, e, attempt, "interrupted at byte " + offset);
      }
      if (expectedEnd >= 0 && offset < expectedEnd) {
        throw RetryableFailure.resumable(
            "the body ended at byte " + offset + " of " + expectedEnd + " (truncated)", null);
      }
      complete = true;
    } finally {
      if (!complete) {
        connection.disconnect();
      }
    }
    settings.listener().onEvent(new DownloadProgress(url, offset, OptionalLong.of(offset)));
    settings.listener().onEvent(new DownloadFinished(url, offset, attempt));
    return new Downloaded(offset, uninterrupted(sha512::digest), attempt);
  }

  /**
   * Checks the status and headers; returns the offset the body should end at, or -1 when the length
   * is unknown.
   */
  private long start(HttpURLConnection connection, int attempt) throws RetryableFailure {
    int status = status(connection);
    if (status == HttpURLConnection.HTTP_OK) {
      if (offset > 0) {
        restart();
      }
      long length = connection.getContentLengthLong();
      refuseAboveCap(length, attempt);
      refuseWithoutRoom(length);
      total = length >= 0 ? OptionalLong.of(length) : OptionalLong.empty();
      rememberValidator(connection);
      return length;
    }
    if (status == HttpURLConnection.HTTP_PARTIAL) {
      ContentRange range =
          ContentRange.parse(connection.getHeaderField("Content-Range")).orElse(null);
      if (range == null
          || range.first() != offset
          || (total.isPresent()
              && range.total().isPresent()
              && range.total().getAsLong() != total.getAsLong())) {
        restart();
        throw RetryableFailure.restarting(
            "the server answered the range request with Content-Range "
                + connection.getHeaderField("Content-Range")
                + "; starting over");
      }
      if (range.total().isPresent()) {
        refuseAboveCap(range.total().getAsLong(), attempt);
        total = range.total();
      }
      refuseWithoutRoom(range.last() + 1);
      refuseAboveCap(range.last() + 1, attempt);
      return range.last() + 1;
    }
    if (status == 416) {
      restart();
      throw RetryableFailure.restarting("the server refused to resume (HTTP 416); starting over");
    }
    String body = HttpGet.errorBody(connection);
    if (FailureExplanations.isRetryable(status)) {
      throw new RetryableFailure("HTTP " + status + " from " + url.getHost(), false, status, null);
    }
    throw new InstallerDownloadException(
        url,
        attempt,
        status,
        FailureExplanations.forStatus(url, status, FailureExplanations.s3ErrorCode(body)),
        null);
  }

  /**
   * Refuses a body the download directory has no room for (the announced end, less what is already
   * written, plus a margin), before any byte of it is written: a full disk (often a tmpfs, RAM)
   * would otherwise be found only once it is full. Unknown lengths and unreadable space pass.
   */
  private void refuseWithoutRoom(long end) {
    Path directory = filePath.toAbsolutePath().getParent();
    if (end < 0 || directory == null) {
      return;
    }
    OptionalLong free = settings.freeSpace().apply(directory);
    long needed = Math.max(0, end - offset) + VerifierSettings.FREE_SPACE_MARGIN;
    if (free.isPresent() && free.getAsLong() < needed) {
      throw new InstallerFileException(
          filePath,
          "not enough free space in "
              + directory
              + " for the installer: "
              + (end - offset)
              + " bytes to download (the server announces "
              + end
              + ") plus a margin of "
              + VerifierSettings.FREE_SPACE_MARGIN
              + " bytes need "
              + needed
              + ", but only "
              + free.getAsLong()
              + " bytes are free; free some space, or download to another directory (TMPDIR or"
              + " workDirectory)",
          null);
    }
  }

  /** Refuses an announced length above the cap, before any byte of the body is written. */
  private void refuseAboveCap(long announced, int attempt) {
    if (announced > settings.maxInstallerBytes()) {
      throw tooLarge(attempt, "announces " + announced + " bytes");
    }
  }

  private InstallerDownloadException tooLarge(int attempt, String what) {
    return new InstallerDownloadException(
        url,
        attempt,
        -1,
        "the installer at "
            + url
            + " "
            + what
            + ", more than the "
            + settings.maxInstallerBytes()
            + " bytes allowed (the real installer"
            + " is about 12 MB); the server is not serving the installer",
        null);
  }

  /**
   * Reads the body buffer by buffer: each is written to the file, then hashed on the other thread.
   * What arrived before a failure is kept, so that a resume starts after it.
   */
  private void copy(InputStream in, long expectedEnd) throws IOException, RetryableFailure {
    boolean end = false;
    while (!end) {
      byte[] buffer = uninterrupted(sha512::borrow);
      int filled = 0;
      IOException failure = null;
      try {
        while (filled < buffer.length) {
          int n = in.read(buffer, filled, buffer.length - filled);
          if (n < 0) {
            end = true;
            break;
          }
          filled += n;
          if (offset + filled > settings.maxInstallerBytes()) {
            sha512.giveBack(buffer);
            throw tooLarge(0, "sent more than its allowed size without an end");
          }
          if (Thread.currentThread().isInterrupted()) {
            sha512.giveBack(buffer);
            throw new InstallerDownloadException(
                url, 0, -1, "download of " + url + " interrupted", null);
          }
        }
      } catch (IOException e) {
        failure = e;
      }
      if (expectedEnd >= 0 && offset + filled > expectedEnd) {
        sha512.giveBack(buffer);
        restart();
        throw RetryableFailure.restarting(
            "the server sent more bytes than announced (" + expectedEnd + "); starting over");
      }
      keep(buffer, filled);
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** Writes and hashes what a buffer holds, and hands the buffer on. */
  private void keep(byte[] buffer, int filled) {
    if (filled == 0) {
      sha512.giveBack(buffer);
      return;
    }
    write(ByteBuffer.wrap(buffer, 0, filled));
    uninterrupted(
        () -> {
          sha512.submit(buffer, filled);
          return null;
        });
    offset += filled;
    if (offset >= nextProgress) {
      nextProgress = offset + PROGRESS_STEP;
      settings.listener().onEvent(new DownloadProgress(url, offset, total));
    }
  }

  /** A step that waits for the hashing thread. */
  private interface Waiting<T> {
    T run() throws InterruptedException;
  }

  private <T> T uninterrupted(Waiting<T> step) {
    try {
      return step.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InstallerDownloadException(url, 0, -1, "download of " + url + " interrupted", e);
    }
  }

  private void write(ByteBuffer bytes) {
    try {
      while (bytes.hasRemaining()) {
        file.write(bytes);
      }
    } catch (IOException e) {
      throw new InstallerFileException(
          filePath,
          "cannot write "
              + filePath
              + " ("
              + e.getMessage()
              + "); free some space or choose"
              + " another output directory",
          e);
    }
  }

  /** Forgets everything received: the next bytes are the file's first. */
  private void restart() {
    offset = 0;
    validator = null;
    nextProgress = PROGRESS_STEP;
    uninterrupted(
        () -> {
          sha512.reset();
          return null;
        });
    try {
      file.truncate(0);
      file.position(0);
    } catch (IOException e) {
      throw new InstallerFileException(
          filePath, "cannot truncate " + filePath + ": " + e.getMessage(), e);
    }
  }

  private void rememberValidator(HttpURLConnection connection) {
    String etag = connection.getHeaderField("ETag");
    if (etag != null && !etag.startsWith("W/") && !etag.isBlank()) {
      validator = etag;
      return;
    }
    String lastModified = connection.getHeaderField("Last-Modified");
    validator = lastModified == null || lastModified.isBlank() ? null : lastModified;
  }

  private int status(HttpURLConnection connection) throws RetryableFailure {
    try {
      return connection.getResponseCode();
    } catch (IOException e) {
      throw http.classify(url, e, 0, "no answer");
    }
  }

  static MessageDigest newSha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-512", e);
    }
  }
}
