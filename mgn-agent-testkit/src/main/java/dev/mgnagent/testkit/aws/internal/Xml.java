package dev.mgnagent.testkit.aws.internal;

/** Writes XML text and elements for the XML-speaking fakes. */
public final class Xml {
  private Xml() {}

  /** {@code s} with {@code & < > " '} escaped. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** {@code <name>escaped value</name>}, or nothing when the value is null. */
  public static String element(String name, Object value) {
    return value == null
        ? ""
        : "<" + name + ">" + escape(String.valueOf(value)) + "</" + name + ">";
  }
}
