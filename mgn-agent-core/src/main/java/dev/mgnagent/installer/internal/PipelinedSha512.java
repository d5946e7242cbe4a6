package dev.mgnagent.installer.internal;

import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * SHA-512 computed on a second thread, so that receiving and writing the next buffer overlaps with
 * hashing the previous one (on a loopback download hashing is the slowest step). The caller borrows
 * a buffer, fills it, and submits it; the hashing thread gives it back when done. Buffers are
 * hashed in the order submitted. Not thread-safe: one caller thread.
 */
final class PipelinedSha512 implements AutoCloseable {

  private static final int BUFFERS = 4;

  /** A filled buffer, a barrier (latch set) or the end (both null). */
  private record Chunk(byte[] data, int length, CountDownLatch barrier) {}

  private static final Chunk END = new Chunk(null, 0, null);

  private final MessageDigest sha512 = ResumableDownload.newSha512();
  private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 2);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final Thread hasher;

  PipelinedSha512(int bufferBytes) {
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[bufferBytes]);
    }
    hasher = new Thread(this::hashLoop, "mgn-agent-sha512");
    hasher.setDaemon(true);
    hasher.start();
  }

  /** An empty buffer to fill; waits while all are being hashed. */
  byte[] borrow() throws InterruptedException {
    return free.take();
  }

  /** Hashes {@code length} bytes of a borrowed buffer, then gives the buffer back. */
  void submit(byte[] buffer, int length) throws InterruptedException {
    filled.put(new Chunk(buffer, length, null));
  }

  /** Gives back a borrowed buffer that holds nothing to hash. */
  void giveBack(byte[] buffer) {
    free.add(buffer);
  }

  /** Forgets everything hashed so far. */
  void reset() throws InterruptedException {
    drain();
    sha512.reset();
  }

  /** The digest of everything submitted since the last reset. */
  byte[] digest() throws InterruptedException {
    drain();
    return sha512.digest();
  }

  /** Waits until every submitted buffer is hashed. */
  private void drain() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    filled.put(new Chunk(null, 0, done));
    done.await();
  }

  private void hashLoop() {
    try {
      while (true) {
        Chunk chunk = filled.take();
        if (chunk == END) {
          return;
        }
        if (chunk.barrier() != null) {
          chunk.barrier().countDown();
          continue;
        }
        sha512.update(chunk.data(), 0, chunk.length());
        free.add(chunk.data());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the hashing thread. */
  @Override
  public void close() {
    if (!filled.offer(END)) {
      hasher.interrupt();
    }
  }
}
