package io.rolecall.cli;

import io.rolecall.UsageException;

/**
 * Whether the emulator (rolecall-sandbox.jar) is there. The engine and CLI jar does not contain it: the build puts it
 * beside rolecall.jar in the repository (the jar's manifest names it), where `demo` and `sandbox` find it; a jar
 * shipped alone runs every other command and says so for these two.
 */
final class Emulator {
  static final String JAR = "rolecall-sandbox.jar";

  private Emulator() {}

  static boolean present() {
    try {
      Class.forName("io.rolecall.sandbox.Sandbox", false, Emulator.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  static void require(String command) {
    if (!present()) {
      throw new UsageException(command + ": needs the emulator, " + JAR + " beside rolecall.jar, which this"
          + " installation does not have; run it from a clone of the repository (bin/rolecall " + command + ")");
    }
  }
}
