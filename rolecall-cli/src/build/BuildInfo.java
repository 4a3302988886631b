import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Build step (run by Maven in rolecall-cli's process-classes phase, with the JDK's source launcher): writes the
 * project version and the git commit the build was made from into the classes, for `rolecall --version`. Without git
 * (a source archive) or outside a repository the commit is "unknown"; a work tree with uncommitted changes says
 * "-dirty" after it. Never fails the build.
 *
 * Usage: java BuildInfo.java VERSION REPOSITORY_DIR OUTPUT_FILE
 */
public final class BuildInfo {
  public static void main(String[] args) throws IOException {
    String version = args[0];
    String commit = git(Path.of(args[1]), "describe", "--always", "--dirty", "--abbrev=12", "--exclude=*");
    Path out = Path.of(args[2]);
    Files.createDirectories(out.getParent());
    Files.writeString(out, "version=" + version + "\ncommit=" + (commit == null ? "unknown" : commit) + "\n");
  }

  private static String git(Path dir, String... args) {
    var command = new java.util.ArrayList<String>(java.util.List.of("git", "-C", dir.toString()));
    command.addAll(java.util.List.of(args));
    try {
      var process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String text = new String(process.getInputStream().readAllBytes()).trim();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || text.isEmpty()
          || !text.matches("[0-9a-f]{7,40}(-dirty)?")) {
        return null;
      }
      return text;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
