package io.rolecall.sandbox.protocol;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A small XML writer for response bodies: {@code x.el("Arn", arn).nest("Credentials", c -> c.el(...))}. */
public final class Xml {
  private final StringBuilder out = new StringBuilder(256);

  /** A leaf element; skipped when {@code value} is null. Instants are written as AWS does: ISO-8601, whole seconds. */
  public Xml el(String name, Object value) {
    if (value == null) return this;
    String text = value instanceof Instant i ? date(i) : String.valueOf(value);
    out.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
    return this;
  }

  public Xml nest(String name, Consumer<Xml> children) {
    out.append('<').append(name).append('>');
    children.accept(this);
    out.append("</").append(name).append('>');
    return this;
  }

  /** A list as query and REST-XML APIs write it: {@code <name><member>..</member>...</name>}. */
  public <T> Xml list(String name, String memberName, Iterable<T> items, BiConsumer<Xml, T> member) {
    return nest(name, x -> {
      for (T item : items) x.nest(memberName, m -> member.accept(m, item));
    });
  }

  public Xml raw(String xml) {
    out.append(xml);
    return this;
  }

  public static String date(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  public static String escape(String s) {
    var b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
