package io.rolecall.server;

import io.rolecall.auth.Redactor;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The engine's log: one line per request and per job event, every line through the redactor. */
public final class EngineLog {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private final PrintStream out;

  public EngineLog(PrintStream out) {
    this.out = out;
  }

  void info(String message) {
    String line = LocalTime.now().format(TIME) + " engine: " + message;
    synchronized (out) {
      out.println(Redactor.global().redact(line));
    }
  }
}
