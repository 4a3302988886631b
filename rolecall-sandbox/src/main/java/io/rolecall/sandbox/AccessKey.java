package io.rolecall.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A key pair to hand to a client. {@code sessionToken} is null for long-term (AKIA) keys.
 * {@link #toString()} masks the secret so a failing test's output does not carry it.
 */
public record AccessKey(String accessKeyId, String secretAccessKey, String sessionToken) {

  public AccessKey(String accessKeyId, String secretAccessKey) {
    this(accessKeyId, secretAccessKey, null);
  }

  /** The environment variables the AWS CLI and SDKs read: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY[, AWS_SESSION_TOKEN]. */
  public Map<String, String> env() {
    var env = new LinkedHashMap<String, String>();
    env.put("AWS_ACCESS_KEY_ID", accessKeyId);
    env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
    if (sessionToken != null) env.put("AWS_SESSION_TOKEN", sessionToken);
    return env;
  }

  @Override
  public String toString() {
    return "AccessKey[" + accessKeyId + (sessionToken == null ? "" : ", with session token") + "]";
  }
}
