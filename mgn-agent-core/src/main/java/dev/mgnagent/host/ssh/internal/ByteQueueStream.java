package dev.mgnagent.host.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * An input stream fed by one pump thread: bytes are {@link #feed fed} as they arrive and read by
 * any thread; {@link #finish()} marks the end. Unlike a {@code PipedInputStream} it does not care
 * which threads write or read.
 */
final class ByteQueueStream extends InputStream {

  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private byte[] current;
  private int position;
  private boolean finished;
  private boolean closed;

  synchronized void feed(byte[] bytes, int offset, int length) {
    if (length <= 0 || closed) {
      return;
    }
    byte[] copy = new byte[length];
    System.arraycopy(bytes, offset, copy, 0, length);
    chunks.add(copy);
    notifyAll();
  }

  synchronized void finish() {
    finished = true;
    notifyAll();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (true) {
      if (closed) {
        throw new IOException("stream closed");
      }
      if (current != null && position < current.length) {
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
      }
      current = chunks.poll();
      position = 0;
      if (current != null) {
        continue;
      }
      if (finished) {
        return -1;
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading");
      }
    }
  }

  @Override
  public synchronized int available() {
    int n = current == null ? 0 : current.length - position;
    for (byte[] chunk : chunks) {
      n += chunk.length;
    }
    return n;
  }

  @Override
  public synchronized void close() {
    closed = true;
    chunks.clear();
    current = null;
    notifyAll();
  }
}
