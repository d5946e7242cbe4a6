package dev.mgnagent.testkit.junit.internal;

import dev.mgnagent.testkit.Startable;
import dev.mgnagent.testkit.junit.StartStop;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension behind {@link StartStop}: starts the {@code static} annotated fields of the test
 * class before all its tests and the instance fields before each test, and closes them, in reverse
 * order, after.
 */
public final class StartStopExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StartStopExtension.class);

  /** Created by JUnit, through {@link StartStop}. */
  public StartStopExtension() {}

  /** What one context started, most recent first. */
  private static final class Started {
    final Deque<Named> fakes = new ArrayDeque<>();
  }

  private record Named(String field, Startable fake) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    String key = "static:" + testClass.getName();
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(key) != null) {
      return;
    }
    Started started = new Started();
    start(fields(testClass, true), null, started);
    store.put(key, started);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get("instance") != null) {
      return;
    }
    Started started = new Started();
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      start(fields(instance.getClass(), false), instance, started);
    }
    store.put("instance", started);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close(context.getStore(NAMESPACE).remove("instance", Started.class));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close(
        context
            .getStore(NAMESPACE)
            .remove("static:" + context.getRequiredTestClass().getName(), Started.class));
  }

  /** The annotated fields of {@code type} and its superclasses, superclass fields first. */
  private static List<Field> fields(Class<?> type, boolean statics) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      for (Field field : c.getDeclaredFields()) {
        if (field.isAnnotationPresent(StartStop.class)
            && Modifier.isStatic(field.getModifiers()) == statics) {
          fields.add(field);
        }
      }
    }
    return fields;
  }

  /**
   * Starts each field's fake in order into {@code started}; on a failure closes everything in
   * {@code started} and throws.
   */
  private static void start(List<Field> fields, Object instance, Started started) {
    for (Field field : fields) {
      String name = field.getDeclaringClass().getSimpleName() + "." + field.getName();
      try {
        Startable fake = fake(field, instance, name);
        fake.start();
        started.fakes.push(new Named(name, fake));
      } catch (RuntimeException e) {
        IllegalStateException failure =
            new IllegalStateException(
                "@StartStop " + name + " failed to start: " + e.getMessage(), e);
        closeAll(started, failure);
        throw failure;
      }
    }
  }

  private static Startable fake(Field field, Object instance, String name) {
    Object value;
    try {
      field.setAccessible(true);
      value = field.get(instance);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read the field: " + e.getMessage(), e);
    }
    if (value == null) {
      throw new IllegalStateException(
          "the field is null; initialize it with a built fake, such as"
              + " FakeMgn.builder().build()");
    }
    if (!(value instanceof Startable startable)) {
      throw new IllegalStateException(
          "a " + value.getClass().getName() + " is not a " + Startable.class.getName());
    }
    return startable;
  }

  /** Closes what was started, most recent first; failures are added to {@code failure}. */
  private static void closeAll(Started started, Throwable failure) {
    while (!started.fakes.isEmpty()) {
      try {
        started.fakes.pop().fake().close();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void close(Started started) {
    if (started == null) {
      return;
    }
    RuntimeException first = null;
    while (!started.fakes.isEmpty()) {
      Named named = started.fakes.pop();
      try {
        named.fake().close();
      } catch (RuntimeException e) {
        if (first == null) {
          first =
              new IllegalStateException(
                  "@StartStop " + named.field() + " failed to close: " + e.getMessage(), e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
