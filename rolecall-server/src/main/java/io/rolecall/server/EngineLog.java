package io.rolecall.server;

import io.rolecall.auth.Redactor;
import io.rolecall.render.ControlChars;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The engine's log: one line per request and per job event, every line through the redactor, its control
 * characters escaped (a job's error may quote AWS data).
 */
public final class EngineLog {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private final PrintStream out;

  public EngineLog(PrintStream out) {
    this.out = out;
  }

  void info(String message) {
    String line = LocalTime.now().format(TIME) + " engine: " + message;
    synchronized (out) {
      out.println(ControlChars.escape(Redactor.global().redact(line)));
    }
  }
}
