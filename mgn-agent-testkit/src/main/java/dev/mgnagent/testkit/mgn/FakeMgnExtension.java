package dev.mgnagent.testkit.mgn;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * JUnit 5 extension: {@code @ExtendWith(FakeMgnExtension.class)} starts one {@link FakeMgn}
 * (uninitialized, {@code us-east-1}) per test class and stops it after the class, and resolves
 * {@link FakeMgn} and {@link MgnClient} (with the admin keys) parameters of constructors, test
 * methods and lifecycle methods.
 *
 * <pre>{@code
 * @ExtendWith(FakeMgnExtension.class)
 * class MyTest {
 *   @Test
 *   void listsServers(FakeMgn mgn, MgnClient client) {
 *     client.initializeService(r -> {});
 *     mgn.addSourceServer(s -> s.hostname("web-1"));
 *     assertThat(client.describeSourceServers(r -> {}).items()).hasSize(1);
 *   }
 * }
 * }</pre>
 *
 * <p>State is shared by the tests of a class, as the server is.
 */
public final class FakeMgnExtension implements BeforeAllCallback, AfterAllCallback,
    ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeMgnExtension.class);

  /** Creates the extension; JUnit does this. */
  public FakeMgnExtension() {}

  private record Started(FakeMgn mgn, MgnClient client) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    started(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Started s = context.getStore(NAMESPACE).remove(key(context), Started.class);
    if (s != null) {
      try {
        s.client().close();
      } finally {
        s.mgn().close();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeMgn.class || type == MgnClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Started s = started(context);
    return parameter.getParameter().getType() == FakeMgn.class ? s.mgn() : s.client();
  }

  private static Started started(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(key(classContext), k -> {
      FakeMgn mgn = FakeMgn.builder().build().start();
      return new Started(mgn, mgn.newClient());
    }, Started.class);
  }

  private static String key(ExtensionContext context) {
    return "fake-mgn:" + context.getRequiredTestClass().getName();
  }
}
