package dev.mgnagent.cli.badinput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bad-input corpus, {@code bad-input/corpus.tsv}: one case a line, four tab-separated columns
 * (id, host tree or {@code -}, arguments, the text the error line must contain). Arguments are
 * separated by single spaces; inside one, {@code \s} is a space, {@code \t} a tab, {@code \n} a
 * line feed, {@code \\} a backslash, {@code \}{@code uXXXX} any UTF-16 unit, {@code
 * {repeat:N:text}} the text N times, and {@code {name}} a placeholder the test fills in ({@code
 * {mgn}}, {@code {s3}}, {@code {tree}}, {@code {key}}, {@code {secret}}, {@code {tmp}}).
 */
record Corpus(String id, String tree, List<String> rawArgs, String expected) {

  static final String RESOURCE = "/bad-input/corpus.tsv";

  private static final Pattern REPEAT = Pattern.compile("\\{repeat:(\\d+):([^}]*)}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9]+)}");

  static List<Corpus> load() {
    List<Corpus> cases = new ArrayList<>();
    try (InputStream in = Corpus.class.getResourceAsStream(RESOURCE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 4) {
          throw new IllegalStateException(RESOURCE + " line " + number + ": 4 columns expected");
        }
        cases.add(new Corpus(columns[0], columns[1], List.of(columns[2].split(" ")), columns[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** The arguments with the macros expanded and the placeholders filled from {@code values}. */
  String[] args(Map<String, String> values) {
    return rawArgs.stream().map(a -> expand(a, values)).toArray(String[]::new);
  }

  static String expand(String arg, Map<String, String> values) {
    String filled =
        replace(
            PLACEHOLDER,
            arg,
            m -> {
              String value = values.get(m.group(1));
              if (value == null) {
                throw new IllegalStateException("unknown placeholder " + m.group());
              }
              return value;
            });
    String repeated = replace(REPEAT, filled, m -> m.group(2).repeat(Integer.parseInt(m.group(1))));
    return unescape(repeated);
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> value) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (pattern == PLACEHOLDER && m.group(1).startsWith("repeat")) {
        continue;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case 's' -> out.append(' ');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case '\\' -> out.append('\\');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + next + " in " + text);
      }
    }
    return out.toString();
  }

  /** The value following {@code flag} in the expanded arguments, or null. */
  static String valueOf(String[] args, String flag) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(flag)) {
        return args[i + 1];
      }
    }
    return null;
  }

  static UnaryOperator<String> identity() {
    return s -> s;
  }

  @Override
  public String toString() {
    return id;
  }
}
