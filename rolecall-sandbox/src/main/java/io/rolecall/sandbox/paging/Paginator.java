package io.rolecall.sandbox.paging;

import io.rolecall.sandbox.auth.SigV4;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * AWS-style pagination for any listing: IAM's Marker/IsTruncated/MaxItems and NextToken/MaxResults alike.
 *
 * <p>Tokens are opaque (base64url), bound to a scope naming the listing (say "iam:ListUsers:111111111111:/"), and
 * authenticated with a per-paginator key, so a token from another listing or a tampered one is rejected with the
 * service's own error. A token records the sort key of the last item returned, not an offset, so pages stay stable
 * when items are added or removed between calls: nothing is returned twice and nothing that existed throughout is
 * skipped. Sort keys must be unique within a listing.
 */
public final class Paginator {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key = new byte[32];
  private final Supplier<? extends RuntimeException> invalidToken;

  /** @param invalidToken the service's error for a bad token, e.g. IAM's InvalidInput or CloudTrail's InvalidNextTokenException */
  public Paginator(Supplier<? extends RuntimeException> invalidToken) {
    new SecureRandom().nextBytes(key);
    this.invalidToken = invalidToken;
  }

  /** One page; {@code nextToken} is null on the last page. */
  public record Page<T>(List<T> items, String nextToken) {
    public boolean truncated() {
      return nextToken != null;
    }
  }

  /**
   * The page of {@code items} (in any order; sorted here by {@code sortKey}) that follows {@code token}
   * (null or empty = first page), at most {@code limit} items.
   */
  public <T> Page<T> page(String scope, Collection<T> items, Function<T, String> sortKey, String token, int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be positive: " + limit);
    String after = token == null || token.isEmpty() ? null : lastKey(scope, token);
    var remaining = items.stream()
        .filter(i -> after == null || sortKey.apply(i).compareTo(after) > 0)
        .sorted(Comparator.comparing(sortKey))
        .limit(limit + 1L)
        .toList();
    if (remaining.size() <= limit) return new Page<>(remaining, null);
    var page = remaining.subList(0, limit);
    return new Page<>(List.copyOf(page), token(scope, sortKey.apply(page.getLast())));
  }

  private String token(String scope, String lastKey) {
    return ENCODER.encodeToString(lastKey.getBytes(StandardCharsets.UTF_8)) + "." + mac(scope, lastKey);
  }

  private String lastKey(String scope, String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) throw invalidToken.get();
    String lastKey;
    try {
      lastKey = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidToken.get();
    }
    if (!java.security.MessageDigest.isEqual(mac(scope, lastKey).getBytes(StandardCharsets.US_ASCII),
        token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      throw invalidToken.get();
    }
    return lastKey;
  }

  private String mac(String scope, String lastKey) {
    byte[] full = SigV4.hmac(key, scope + "\u0000" + lastKey);
    return ENCODER.encodeToString(java.util.Arrays.copyOf(full, 16));
  }
}
