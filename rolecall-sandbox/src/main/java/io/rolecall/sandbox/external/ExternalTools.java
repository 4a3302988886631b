package io.rolecall.sandbox.external;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finding the third-party tools (moto_server, the AWS CLI) that tests cross-check against. */
public final class ExternalTools {
  private ExternalTools() {}

  public static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The AWS CLI, if installed. */
  public static Optional<Path> awsCli() {
    return onPath("aws");
  }
}
