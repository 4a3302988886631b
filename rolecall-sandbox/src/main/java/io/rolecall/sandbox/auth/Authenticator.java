package io.rolecall.sandbox.auth;

import io.rolecall.sandbox.World;
import io.rolecall.sandbox.http.Request;
import java.util.Objects;

/** Finds the credential behind a signed request and checks it the way AWS does: key, token, expiry, signature. */
public final class Authenticator {
  private final World world;

  public Authenticator(World world) {
    this.world = world;
  }

  public Credential authenticate(Request r, SigV4.Signature s) {
    var credential = world.credential(s.accessKeyId())
        .orElseThrow(() -> new AuthFailure(AuthFailure.Kind.UNKNOWN_KEY, s.accessKeyId()));
    String token = s.presigned() ? r.query("X-Amz-Security-Token") : r.header("x-amz-security-token");
    // AWS rejects temporary keys without their exact token, and long-term keys that come with one.
    boolean tokenOk = credential.temporary() ? Objects.equals(credential.sessionToken(), token) : token == null;
    if (!tokenOk) throw new AuthFailure(AuthFailure.Kind.INVALID_TOKEN, s.accessKeyId());
    if (credential.temporary() && !world.clock().now().isBefore(credential.expiration())) {
      throw new AuthFailure(AuthFailure.Kind.EXPIRED_TOKEN, s.accessKeyId() + " expired " + credential.expiration());
    }
    if (!SigV4.verify(r, s, credential.secretAccessKey())) {
      throw new AuthFailure(AuthFailure.Kind.SIGNATURE_MISMATCH, s.accessKeyId());
    }
    return credential;
  }
}
