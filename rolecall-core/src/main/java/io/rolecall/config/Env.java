package io.rolecall.config;

import java.util.Map;

/** Environment variables, injectable so tests and the engine need not touch the process's own. */
@FunctionalInterface
public interface Env {
  String get(String name);

  static Env system() {
    return System::getenv;
  }

  static Env of(Map<String, String> values) {
    return values::get;
  }
}
