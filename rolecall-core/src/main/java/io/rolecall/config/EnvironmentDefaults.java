package io.rolecall.config;

import io.rolecall.auth.AuthSettings;
import io.rolecall.aws.AwsService;

/**
 * The standard AWS environment variables rolecall honours itself, so they apply the same way to
 * every command and appear in `rolecall test`: AWS_REGION / AWS_DEFAULT_REGION, AWS_ENDPOINT_URL and
 * AWS_ENDPOINT_URL_&lt;SERVICE&gt; (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true). Credentials in
 * the environment are the SDK's default chain's business.
 */
public final class EnvironmentDefaults {
  private EnvironmentDefaults() {}

  /** Fills {@code b} from {@code env}; call it before config and flags, which override it. */
  public static AuthSettings.Builder apply(AuthSettings.Builder b, Env env) {
    String region = firstSet(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
    if (region != null) {
      b.region(region);
    }
    if (!"true".equalsIgnoreCase(env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))) {
      b.endpointUrl(Urls.http(env.get("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL"));
      for (AwsService s : AwsService.values()) {
        var uri = Urls.http(env.get(s.endpointVariable()), s.endpointVariable());
        if (uri != null) {
          b.serviceEndpoint(s.key(), uri);
        }
      }
    }
    return b;
  }

  private static String firstSet(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
