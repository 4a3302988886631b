package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.StsException;

/** SigV4 verification and credential checks, as the SDK experiences them. */
class AuthenticationTest {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");

  @AfterEach
  void close() {
    sb.close();
  }

  static void assertRejected(AccessKey key, Sandbox sb, String code, String message) {
    try (var sts = Aws.sts(sb, key)) {
      assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
      });
    }
  }

  AccessKey session() {
    sb.account("222222222222").iam().createRole("R", TrustPolicy.trustingAccount("111111111111"));
    return Aws.assume(sb, ops, "arn:aws:iam::222222222222:role/R", null);
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatch() {
    assertRejected(new AccessKey(ops.accessKeyId(), ops.secretAccessKey().replace(ops.secretAccessKey().charAt(0), '_')),
        sb, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
  }

  @Test
  void unknownKeyIsInvalidClientTokenId() {
    assertRejected(new AccessKey("AKIAEXAMPLEEXAMPLE00", ops.secretAccessKey()), sb, "InvalidClientTokenId",
        "The security token included in the request is invalid.");
  }

  @Test
  void temporaryCredentialsNeedTheirExactSessionToken() {
    var session = session();
    assertRejected(new AccessKey(session.accessKeyId(), session.secretAccessKey()), sb, "InvalidClientTokenId",
        "The security token included in the request is invalid.");
    assertRejected(new AccessKey(session.accessKeyId(), session.secretAccessKey(), session.sessionToken() + "x"), sb,
        "InvalidClientTokenId", "The security token included in the request is invalid.");
    assertRejected(new AccessKey(ops.accessKeyId(), ops.secretAccessKey(), session.sessionToken()), sb,
        "InvalidClientTokenId", "The security token included in the request is invalid.");
  }

  @Test
  void expiredTemporaryCredentialsAreExpiredToken() {
    var session = session();
    try (var sts = Aws.sts(sb, session)) {
      assertThat(sts.getCallerIdentity().account()).isEqualTo("222222222222");
    }
    sb.clock().advance(Duration.ofMinutes(61));
    assertRejected(session, sb, "ExpiredToken", "The security token included in the request is expired");
  }

  @Test
  void revokedKeysStopWorking() {
    sb.world().revoke(ops.accessKeyId());
    assertRejected(ops, sb, "InvalidClientTokenId", "The security token included in the request is invalid.");
  }

  @Test
  void unsignedRequestIsMissingAuthenticationToken() throws Exception {
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sb.endpoint() + "/"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(response.body()).contains("<Type>Sender</Type><Code>MissingAuthenticationToken</Code>");
    assertThat(sb.calls().total()).isZero();
  }
}
