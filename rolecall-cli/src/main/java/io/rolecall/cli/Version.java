package io.rolecall.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code rolecall --version}: the project version and the git commit the jar was built from (written into the
 * classes by the build, src/build/BuildInfo.java), and the Java it runs on. Classes built by something other than
 * the Maven build (an IDE) have no such record and say "development".
 */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    var build = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException ignored) {
      // unreadable: said below as "development"
    }
    String version = build.getProperty("version");
    String line = version == null ? "rolecall development"
        : "rolecall " + version + " (commit " + build.getProperty("commit", "unknown") + ")";
    return new String[] {line, "Java " + Runtime.version()};
  }
}
