package io.rolecall.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Redactor;
import io.rolecall.auth.Secret;
import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The engine's sessions, through the real SDK against the sandbox: idle role sessions beyond the bound are let go
 * with their SDK clients and their secrets (the redactor forgets them), while sessions in use are never taken away.
 */
class EngineSessionsTest {
  static final String ACCOUNT = "222222222222";
  final Sandbox sb = Sandbox.start();
  final AccessKey operator = sb.account("111111111111").iam().createUserWithAccessKey("operator");

  EngineSessionsTest() {
    sb.account(ACCOUNT).iam().createRole("Audit", TrustPolicy.trustingAccount("111111111111"));
  }

  @AfterEach
  void close() {
    sb.close();
  }

  AuthSettings settings(String sessionName) {
    return AuthSettings.builder().region("us-east-1").accessKey(operator.accessKeyId())
        .secretKey(Secret.of(operator.secretAccessKey())).roleArn("arn:aws:iam::" + ACCOUNT + ":role/Audit")
        .roleSessionName(sessionName).endpointUrl(sb.endpoint()).retries(0).build();
  }

  static String token(Session s) {
    return ((AwsSessionCredentials) s.credentials().resolveCredentials()).sessionToken();
  }

  @Test
  void idleRoleSessionsBeyondTheBoundAreLetGoWithTheirClientsAndSecrets() {
    try (var sessions = Sessions.engine(4, 2)) {
      var tokens = new ArrayList<String>();
      for (int i = 0; i < 10; i++) {
        var s = sessions.open(settings("rotated-" + i), null);
        s.iam().listUsers();
        tokens.add(token(s));
        sessions.done(s);
      }
      assertThat(sessions.roleSessions()).isEqualTo(2);
      // Clients of the two kept sessions (IAM) and the operator's STS client; none of the eight let go.
      assertThat(sessions.sdkClients()).isEqualTo(3);
      String text = String.join(" ", tokens);
      String redacted = Redactor.global().redact(text);
      for (int i = 0; i < 8; i++) {
        assertThat(redacted).as("session %d was let go", i).contains(tokens.get(i));
      }
      assertThat(redacted).doesNotContain(tokens.get(8)).doesNotContain(tokens.get(9));
    }
  }

  @Test
  void aSessionInUseIsNeverLetGoAndReleaseWaitsForTheLastUser() {
    try (var sessions = Sessions.engine(4, 1)) {
      var held = sessions.open(settings("held"), null);
      String heldToken = token(held);
      for (int i = 0; i < 5; i++) {
        var s = sessions.open(settings("other-" + i), null);
        token(s);
        sessions.done(s);
      }
      assertThat(held.iam().listUsers().users()).isNotNull();
      assertThat(Redactor.global().redact(heldToken)).isEqualTo("****");

      // Two users of one role: release by one leaves it to the other.
      var second = sessions.open(settings("held"), null);
      sessions.release(second);
      assertThat(held.iam().listUsers().users()).isNotNull();
      long assumed = sb.calls().count("sts", "AssumeRole");
      sessions.release(held);
      assertThat(Redactor.global().redact(heldToken)).isEqualTo(heldToken);
      var again = sessions.open(settings("held"), null);
      token(again);
      assertThat(sb.calls().count("sts", "AssumeRole")).isEqualTo(assumed + 1);
    }
  }
}
