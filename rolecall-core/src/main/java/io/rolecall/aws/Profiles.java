package io.rolecall.aws;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.auth.AuthSettings;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;

/**
 * A named profile must exist in the shared config or credentials files (which the SDK finds through
 * AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and $HOME), checked offline before any call: a typo is a usage error
 * naming the profile, not a credentials failure at the first call.
 */
final class Profiles {
  private Profiles() {}

  /** Profiles already found in this process; the files are read once per name. */
  private static final Set<String> FOUND = ConcurrentHashMap.newKeySet();

  static void require(AuthSettings s) {
    String name = s.profile();
    if (s.accessKey() != null || name == null || FOUND.contains(name)) {
      return;
    }
    ProfileFile files;
    try {
      files = ProfileFile.defaultProfileFile();
    } catch (RuntimeException e) {
      throw new UsageException("profile: cannot read the AWS config files: " + e.getMessage());
    }
    if (files.profile(name).isEmpty()) {
      var defined = new TreeSet<>(files.profiles().keySet());
      throw new UsageException("profile: no profile " + Shown.quoted(name) + " in " + location()
          + (defined.isEmpty() ? " (they define none)" : "; defined: " + String.join(", ", defined)));
    }
    FOUND.add(name);
  }

  private static String location() {
    return ProfileFileLocation.configurationFilePath() + " or " + ProfileFileLocation.credentialsFilePath();
  }
}
