package io.rolecall.cli;

import io.rolecall.auth.Redactor;
import io.rolecall.render.ControlChars;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The last guard on stdout and stderr: text is held until a line ends (or the stream is flushed),
 * then every secret the process has seen is masked and control characters are escaped
 * ({@link ControlChars#escapeForStream}) before it is written. Holding whole lines keeps a
 * secret from slipping through split across two writes.
 */
final class RedactingPrintStream extends PrintStream {
  private final OutputStream target;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  RedactingPrintStream(OutputStream target) {
    super(target, false, StandardCharsets.UTF_8);
    this.target = target;
  }

  @Override
  public synchronized void write(int b) {
    line.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] buf, int off, int len) {
    for (int i = off; i < off + len; i++) {
      line.write(buf[i]);
      if (buf[i] == '\n') {
        emit();
      }
    }
  }

  @Override
  public synchronized void flush() {
    emit();
    try {
      target.flush();
    } catch (java.io.IOException e) {
      setError();
    }
  }

  @Override
  public void close() {
    flush();
    super.close();
  }

  private void emit() {
    if (line.size() == 0) {
      return;
    }
    String text = ControlChars.escapeForStream(Redactor.global().redact(line.toString(StandardCharsets.UTF_8)));
    line.reset();
    try {
      target.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      setError();
    }
  }
}
