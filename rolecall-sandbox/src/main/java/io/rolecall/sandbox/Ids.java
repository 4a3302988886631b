package io.rolecall.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random identifiers shaped like AWS's (prefixes matter: clients and tests tell AKIA from ASIA keys). */
public final class Ids {
  private Ids() {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** AKIA... for long-term keys, ASIA... for temporary ones; 20 characters like AWS's. */
  public static String accessKeyId(boolean temporary) {
    return (temporary ? "ASIA" : "AKIA") + random(BASE32, 16);
  }

  public static String secretAccessKey() {
    return random(BASE64, 40);
  }

  public static String sessionToken() {
    return "FwoGZXIvYXdzE" + random(BASE64, 180);
  }

  /** IAM unique ids: AIDA (user), AROA (role), ANPA (managed policy), AIPA (instance profile), then 17 characters. */
  public static String uniqueId(String prefix) {
    return prefix + random(UPPER_ALNUM, 17);
  }

  public static String instanceId() {
    return "i-" + random("0123456789abcdef", 17);
  }

  /**
   * {@code length} lowercase hex digits derived from {@code parts} (SHA-256): the same parts give the same id every
   * run, so names AWS derives (Identity Center's role and SAML provider suffixes) repeat in tests and demos.
   */
  public static String stableHex(int length, String... parts) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0); // so ("ab", "c") and ("a", "bc") differ
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  public static String random(String alphabet, int length) {
    var out = new StringBuilder(length);
    for (int i = 0; i < length; i++) out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    return out.toString();
  }
}
