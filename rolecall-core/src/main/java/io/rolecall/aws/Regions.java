package io.rolecall.aws;

import io.rolecall.NotConfiguredException;
import io.rolecall.auth.AuthSettings;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;

/** Where the region comes from when a command does not give one: settings, then the profile files. */
final class Regions {
  private Regions() {}

  /**
   * The settings' region, else the SDK's reading of the shared config for the profile in use. The
   * environment (AWS_REGION, AWS_DEFAULT_REGION) is folded into settings before this. EC2 metadata
   * is deliberately not consulted: off EC2 it costs seconds of timeouts before failing.
   */
  static String resolve(AuthSettings s) {
    if (s.region() != null) {
      return s.region();
    }
    try {
      String profile = s.profile() != null ? s.profile() : System.getenv().getOrDefault("AWS_PROFILE", "default");
      var region = new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, profile).getRegion();
      if (region != null) {
        return region.id();
      }
    } catch (SdkClientException | IllegalStateException e) {
      // No profile files, or no region in them: fall through to the message below.
    }
    throw new NotConfiguredException("region: not set; give --region or a region= argument, set AWS_REGION,"
        + " or use a profile that has a region");
  }
}
