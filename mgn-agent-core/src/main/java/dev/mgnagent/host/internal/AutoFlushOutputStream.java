package dev.mgnagent.host.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes every write straight through and flushes it, so that an answer written to a waiting
 * process's stdin reaches it even if the caller never calls {@link #flush()}.
 */
final class AutoFlushOutputStream extends FilterOutputStream {

  AutoFlushOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    out.flush();
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    out.flush();
  }
}
