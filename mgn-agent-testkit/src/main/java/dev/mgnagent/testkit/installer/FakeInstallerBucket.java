package dev.mgnagent.testkit.installer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.Startable;
import dev.mgnagent.testkit.internal.LoopbackHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of the two public S3 buckets the Linux installer is published in, served path style on
 * 127.0.0.1 (an ephemeral port) with the JDK {@code HttpServer}: the installer at {@code
 * /aws-application-migration-service-<region>/latest/linux/aws-replication-installer-init} (and
 * {@code .py}), its digest at {@code
 * /aws-application-migration-service-hashes-<region>/latest/linux/...sha512}. Point an {@code
 * InstallerLocation.viaEndpoint(Region.of(bucket.region()), bucket.endpoint(), flavor)} at it.
 *
 * <pre>{@code
 * try (FakeInstallerBucket bucket =
 *     FakeInstallerBucket.builder().region("eu-west-3").build().start()) {
 *   bucket.cutNextBodyAt(100_000).failNext(1, 503);
 *   ... download, then assert on bucket.requests()
 * }
 * }</pre>
 *
 * <p>It answers {@code Range: bytes=N-} (and {@code N-M}) with 206 and {@code Content-Range},
 * honours {@code If-Range} against its {@code ETag} and {@code Last-Modified}, records every
 * request with the bytes it served, and injects faults on request: a wrong digest, a body cut at a
 * byte, failures with a status (500, 503, 403...), a permanent 403, a stall, and ignoring {@code
 * Range}. Faults can be set at any time; {@link #clearFaults()} removes them.
 */
public final class FakeInstallerBucket implements Startable {

  private static final Pattern RANGE = Pattern.compile("bytes=([0-9]{1,18})-([0-9]{0,18})");
  private static final String LAST_MODIFIED = "Tue, 03 Nov 2026 10:00:00 GMT";

  private final String region;
  private final Map<InstallerFlavor, byte[]> installers;
  private final Map<InstallerFlavor, String> sha512s =
      Collections.synchronizedMap(new EnumMap<>(InstallerFlavor.class));
  private final Map<InstallerFlavor, String> etags =
      Collections.synchronizedMap(new EnumMap<>(InstallerFlavor.class));
  private final int requestedPort;
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private HttpServer server;
  private ExecutorService executor;
  private volatile CountDownLatch closed = new CountDownLatch(1);

  private volatile boolean wrongDigest;
  private volatile boolean forbidden;
  private volatile boolean ignoreRange;
  private final AtomicLong cutAt = new AtomicLong(-1);
  private final AtomicLong stallAt = new AtomicLong(-1);
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus = 500;

  private FakeInstallerBucket(Builder builder) {
    this.region = builder.region;
    this.requestedPort = builder.port;
    this.installers = Collections.synchronizedMap(new EnumMap<>(InstallerFlavor.class));
    builder.installers.forEach(this::publish);
  }

  /**
   * A builder: region {@code us-east-1}, a 1 MiB pseudo-random binary and a small Python script.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts serving on {@code 127.0.0.1}. A closed bucket may be started again (on a new ephemeral
   * port unless {@link Builder#port(int)} was set), with its objects, faults and recorded requests.
   *
   * @return this
   * @throws IllegalStateException when already started
   * @throws UncheckedIOException when the port cannot be bound
   */
  @Override
  public synchronized FakeInstallerBucket start() {
    if (server != null) {
      throw new IllegalStateException("this FakeInstallerBucket is already started");
    }
    HttpServer s;
    try {
      s = LoopbackHttpServer.create(requestedPort);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + requestedPort, e);
    }
    AtomicInteger threads = new AtomicInteger();
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-installer-bucket-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    closed = new CountDownLatch(1);
    s.setExecutor(executor);
    s.createContext("/", this::handle);
    s.start();
    server = s;
    return this;
  }

  /** Whether it is serving: {@link #start()} was called and {@link #close()} not since. */
  public synchronized boolean isStarted() {
    return server != null;
  }

  /**
   * The S3 endpoint to use path style: {@code http://127.0.0.1:PORT}.
   *
   * @throws IllegalStateException when not started
   */
  public synchronized URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("start() this FakeInstallerBucket first");
    }
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The region in the bucket names. */
  public String region() {
    return region;
  }

  /** The installer bytes served for {@code flavor} (a copy). */
  public byte[] installer(InstallerFlavor flavor) {
    return object(flavor).clone();
  }

  /** The correct SHA-512 of {@code flavor}'s installer, lower-case hex. */
  public String sha512(InstallerFlavor flavor) {
    object(flavor);
    return sha512s.get(flavor);
  }

  /** The request path of {@code flavor}'s installer. */
  public String installerPath(InstallerFlavor flavor) {
    return "/aws-application-migration-service-" + region + "/" + flavor.key();
  }

  /** The request path of {@code flavor}'s digest file, in the hashes bucket. */
  public String digestPath(InstallerFlavor flavor) {
    return "/aws-application-migration-service-hashes-" + region + "/" + flavor.key() + ".sha512";
  }

  /** The full URL of {@code flavor}'s installer on this server. */
  public URI installerUrl(InstallerFlavor flavor) {
    return URI.create(endpoint() + installerPath(flavor));
  }

  /**
   * Publishes new installer bytes for {@code flavor} (with a new {@code ETag} and digest), as when
   * AWS releases a new installer between two requests.
   */
  public FakeInstallerBucket replaceInstaller(InstallerFlavor flavor, byte[] content) {
    publish(flavor, content.clone());
    return this;
  }

  private void publish(InstallerFlavor flavor, byte[] content) {
    String sha = content == DefaultBinary.BYTES ? DefaultBinary.SHA512 : sha512Hex(content);
    synchronized (installers) {
      installers.put(flavor, content);
      sha512s.put(flavor, sha);
      etags.put(flavor, "\"" + sha.substring(0, 32) + "\"");
    }
  }

  /** The digest files publish the SHA-512 of other bytes from now on. */
  public FakeInstallerBucket serveWrongDigest() {
    wrongDigest = true;
    return this;
  }

  /**
   * The next installer body stops after the installer's byte {@code byteOffset} (counted from the
   * start of the file, whatever range was asked) and the connection is closed: the client sees a
   * body shorter than announced. Once.
   */
  public FakeInstallerBucket cutNextBodyAt(long byteOffset) {
    cutAt.set(requireNonNegative(byteOffset));
    return this;
  }

  /**
   * The next installer body stops sending after byte {@code byteOffset} and keeps the connection
   * open, silent, until the client gives up (or the bucket closes). Once.
   */
  public FakeInstallerBucket stallNextBodyAt(long byteOffset) {
    stallAt.set(requireNonNegative(byteOffset));
    return this;
  }

  /**
   * The next {@code count} requests, to any path, are answered with {@code status} and no object.
   */
  public FakeInstallerBucket failNext(int count, int status) {
    failureStatus = status;
    failuresLeft.set(count);
    return this;
  }

  /** Every request is answered 403 {@code AccessDenied}, as an S3 VPC endpoint policy would. */
  public FakeInstallerBucket forbid() {
    forbidden = true;
    return this;
  }

  /** Range requests get the whole object with 200, as some proxies and servers do. */
  public FakeInstallerBucket ignoreRange() {
    ignoreRange = true;
    return this;
  }

  /** Removes every fault. */
  public FakeInstallerBucket clearFaults() {
    wrongDigest = false;
    forbidden = false;
    ignoreRange = false;
    cutAt.set(-1);
    stallAt.set(-1);
    failuresLeft.set(0);
    return this;
  }

  /** Every request answered so far, in order. */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The requests for {@code path}, in order. */
  public List<RecordedRequest> requests(String path) {
    return requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  /** The body bytes served for {@code path} over all requests. */
  public long bytesServed(String path) {
    return requests(path).stream().mapToLong(RecordedRequest::bytesServed).sum();
  }

  /**
   * Stops serving; stalled responses are released and closed. The objects, faults and recorded
   * requests are kept, and {@link #start()} may serve again. Idempotent.
   */
  @Override
  public synchronized void close() {
    closed.countDown();
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
      executor = null;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    CountDownLatch whenClosed = closed;
    String path = exchange.getRequestURI().getRawPath();
    Optional<String> range = header(exchange, "Range");
    Optional<String> ifRange = header(exchange, "If-Range");
    Served served = new Served(exchange.getRequestMethod(), path, range, ifRange);
    try {
      answer(exchange, path, range, ifRange, served);
    } finally {
      served.publish();
      if (served.stalled) {
        awaitClose(whenClosed);
      }
      exchange.close();
    }
  }

  /**
   * What one answer served. It is published to {@link #requests()} before the response's last byte
   * leaves, so a client that has its response always finds it recorded, and corrected after when
   * less was sent than planned (a client that hung up).
   */
  private final class Served {
    private final String method;
    private final String path;
    private final Optional<String> range;
    private final Optional<String> ifRange;
    int status = 500;
    long firstByte;
    long bytes;
    boolean stalled;
    private int index = -1;

    Served(String method, String path, Optional<String> range, Optional<String> ifRange) {
      this.method = method;
      this.path = path;
      this.range = range;
      this.ifRange = ifRange;
    }

    void publish() {
      RecordedRequest recorded =
          new RecordedRequest(method, path, range, ifRange, status, firstByte, bytes);
      synchronized (requests) {
        if (index < 0) {
          requests.add(recorded);
          index = requests.size() - 1;
        } else {
          requests.set(index, recorded);
        }
      }
    }
  }

  /** Answers; {@code served} records the status, the first byte offset and the bytes sent. */
  private void answer(
      HttpExchange exchange,
      String path,
      Optional<String> range,
      Optional<String> ifRange,
      Served served)
      throws IOException {
    if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
      error(exchange, 405, "MethodNotAllowed", served);
      return;
    }
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      int status = failureStatus;
      String code = status == 503 ? "SlowDown" : status == 403 ? "AccessDenied" : "InternalError";
      error(exchange, status, code, served);
      return;
    }
    if (forbidden) {
      error(exchange, 403, "AccessDenied", served);
      return;
    }
    for (InstallerFlavor flavor : InstallerFlavor.values()) {
      byte[] object = installers.get(flavor);
      if (object == null) {
        continue;
      }
      if (path.equals(digestPath(flavor))) {
        String hex = wrongDigest ? sha512Hex(tampered(object)) : sha512s.get(flavor);
        byte[] body = (hex + "\n").getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "binary/octet-stream");
        exchange.getResponseHeaders().set("ETag", "\"" + hex.substring(0, 32) + "\"");
        send(exchange, 200, body, 0, body.length, served, -1, -1);
        return;
      }
      if (path.equals(installerPath(flavor))) {
        serveObject(exchange, flavor, range, ifRange, served);
        return;
      }
    }
    error(exchange, 404, "NoSuchKey", served);
  }

  private void serveObject(
      HttpExchange exchange,
      InstallerFlavor flavor,
      Optional<String> range,
      Optional<String> ifRange,
      Served served)
      throws IOException {
    byte[] object;
    String etag;
    synchronized (installers) {
      object = installers.get(flavor);
      etag = etags.get(flavor);
    }
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "binary/octet-stream");
    headers.set("ETag", etag);
    headers.set("Last-Modified", LAST_MODIFIED);
    headers.set("Accept-Ranges", "bytes");
    long first = 0;
    long last = object.length - 1L;
    int status = 200;
    boolean validatorMatches =
        ifRange.isEmpty() || ifRange.get().equals(etag) || ifRange.get().equals(LAST_MODIFIED);
    if (range.isPresent() && !ignoreRange && validatorMatches) {
      Matcher m = RANGE.matcher(range.get().strip());
      if (m.matches()) {
        first = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty()) {
          last = Math.min(last, Long.parseLong(m.group(2)));
        }
        if (first >= object.length || last < first) {
          headers.set("Content-Range", "bytes */" + object.length);
          error(exchange, 416, "InvalidRange", served);
          return;
        }
        status = 206;
        headers.set("Content-Range", "bytes " + first + "-" + last + "/" + object.length);
      }
    }
    long cut = cutAt.getAndSet(-1);
    long stall = stallAt.getAndSet(-1);
    send(exchange, status, object, (int) first, (int) (last - first + 1), served, cut, stall);
  }

  /**
   * Sends {@code length} bytes of {@code data} from {@code from}; stops at the absolute offset
   * {@code cut} (closing the connection) or {@code stall} (going silent until closed).
   */
  private void send(
      HttpExchange exchange,
      int status,
      byte[] data,
      int from,
      int length,
      Served served,
      long cut,
      long stall)
      throws IOException {
    boolean head = exchange.getRequestMethod().equals("HEAD");
    long stop = from + (long) length;
    if (cut >= 0) {
      stop = Math.min(stop, Math.max(from, cut));
    }
    if (stall >= 0) {
      stop = Math.min(stop, Math.max(from, stall));
    }
    served.status = status;
    served.firstByte = from;
    served.bytes = head ? 0 : stop - from;
    served.publish();
    exchange.sendResponseHeaders(status, head ? -1 : length);
    if (head) {
      return;
    }
    OutputStream body = exchange.getResponseBody();
    int position = from;
    try {
      while (position < stop) {
        int chunk = (int) Math.min(64 * 1024, stop - position);
        body.write(data, position, chunk);
        position += chunk;
      }
      body.flush();
    } finally {
      served.bytes = position - from;
    }
    if (stop < from + (long) length) {
      if (stall >= 0 && (cut < 0 || stall <= cut)) {
        served.stalled = true;
        return;
      }
      throw new IOException("fake bucket: body deliberately cut at byte " + stop);
    }
  }

  private static void awaitClose(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void error(HttpExchange exchange, int status, String code, Served served)
      throws IOException {
    byte[] body =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                + code
                + "</Code><Message>fake installer bucket</Message></Error>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/xml");
    served.status = status;
    served.publish();
    exchange.sendResponseHeaders(
        status, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
    if (!exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseBody().write(body);
    }
  }

  private byte[] object(InstallerFlavor flavor) {
    byte[] object = installers.get(Objects.requireNonNull(flavor, "flavor"));
    if (object == null) {
      throw new IllegalArgumentException("this bucket serves no " + flavor.id() + " installer");
    }
    return object;
  }

  private static Optional<String> header(HttpExchange exchange, String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  private static byte[] tampered(byte[] data) {
    byte[] copy = data.clone();
    if (copy.length == 0) {
      return new byte[] {1};
    }
    copy[0] ^= 0x5a;
    return copy;
  }

  private static long requireNonNegative(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("byte offset must not be negative: " + value);
    }
    return value;
  }

  static String sha512Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The default binary installer, the same bytes in every bucket: made and digested once per JVM
   * (the buckets never hand out or change these bytes, only copies).
   */
  private static final class DefaultBinary {
    static final byte[] BYTES = Builder.randomBytes(1 << 20, 42);
    static final String SHA512 = sha512Hex(BYTES);
  }

  /** Configures a {@link FakeInstallerBucket}; {@link #build()} it, then {@code start()} it. */
  public static final class Builder {

    private String region = "us-east-1";
    private int port;
    private final Map<InstallerFlavor, byte[]> installers = new EnumMap<>(InstallerFlavor.class);

    private Builder() {
      installers.put(InstallerFlavor.BINARY, DefaultBinary.BYTES);
      installers.put(
          InstallerFlavor.PYTHON,
          "#!/usr/bin/env python3\nprint('fake aws-replication-installer-init.py')\n"
              .getBytes(StandardCharsets.UTF_8));
    }

    /** The region in the bucket names (default {@code us-east-1}). */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The region in the bucket names (default {@code us-east-1}). */
    public Builder region(software.amazon.awssdk.regions.Region region) {
      return region(Objects.requireNonNull(region, "region").id());
    }

    /** The bytes served as {@code flavor}'s installer. */
    public Builder installer(InstallerFlavor flavor, byte[] content) {
      installers.put(Objects.requireNonNull(flavor, "flavor"), content.clone());
      return this;
    }

    /** Publishes no installer for {@code flavor}: its paths answer 404 {@code NoSuchKey}. */
    public Builder removeInstaller(InstallerFlavor flavor) {
      installers.remove(Objects.requireNonNull(flavor, "flavor"));
      return this;
    }

    /**
     * {@code sizeBytes} pseudo-random bytes (the same for the same size) as the binary installer.
     */
    public Builder binarySize(int sizeBytes) {
      installers.put(InstallerFlavor.BINARY, randomBytes(sizeBytes, 42));
      return this;
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one at each start. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("bad port " + port);
      }
      this.port = port;
      return this;
    }

    /** The bucket, not serving yet: {@link FakeInstallerBucket#start()} it. */
    public FakeInstallerBucket build() {
      return new FakeInstallerBucket(this);
    }

    private static byte[] randomBytes(int size, long seed) {
      byte[] bytes = new byte[size];
      new Random(seed).nextBytes(bytes);
      return bytes;
    }
  }
}
