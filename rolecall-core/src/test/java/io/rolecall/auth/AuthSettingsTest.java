package io.rolecall.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {
  private static AuthSettings.Builder keys() {
    return AuthSettings.builder().region("us-east-1").accessKey("AKIAEXAMPLE").secretKey(Secret.of("secret-value-1"));
  }

  @Test
  void secretWithAtAtAtCarriesTheSessionToken() {
    var s = keys().secretKey(Secret.of("SecretKey123@@@SessionToken456=")).build();
    assertThat(s.secretKey().reveal()).isEqualTo("SecretKey123");
    assertThat(s.sessionToken().reveal()).isEqualTo("SessionToken456=");
  }

  @Test
  void explicitSessionTokenWinsOverTheEmbeddedOne() {
    var s = keys().secretKey(Secret.of("SecretKey123@@@embedded-token")).sessionToken(Secret.of("explicit-token")).build();
    assertThat(s.secretKey().reveal()).isEqualTo("SecretKey123");
    assertThat(s.sessionToken().reveal()).isEqualTo("explicit-token");
  }

  @Test
  void emptySecretBeforeTheSeparatorIsRefused() {
    assertThatThrownBy(() -> keys().secretKey(Secret.of("@@@token-only")).build())
        .isInstanceOf(UsageException.class).hasMessageStartingWith("secret-key:");
  }

  @Test
  void secretsNeverShowInToString() {
    var s = keys().secretKey(Secret.of("CANARY-secret-9f8e7d@@@CANARY-token-1a2b3c")).build();
    assertThat(s.toString()).doesNotContain("CANARY");
  }

  @Test
  void roleArnNeedsASessionName() {
    assertThatThrownBy(() -> keys().roleArn("arn:aws:iam::123456789012:role/Audit").build())
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("role-session-name: required when role-arn is set");
  }

  @Test
  void roleArnMustBeARoleArn() {
    assertThatThrownBy(() -> keys().roleArn("arn:aws:iam::123:user/x").roleSessionName("s1").build())
        .isInstanceOf(UsageException.class).hasMessageStartingWith("role-arn: expected arn:aws:iam::<12-digit account>:role/<name>");
  }

  @Test
  void sessionDurationDefaultsTo900AndIsBounded() {
    assertThat(keys().build().roleSessionDuration()).isEqualTo(900);
    assertThatThrownBy(() -> keys().roleSessionDuration(899).build()).hasMessageStartingWith("role-session-duration:");
    assertThatThrownBy(() -> keys().roleSessionDuration(43201).build()).hasMessageStartingWith("role-session-duration:");
    assertThat(keys().roleSessionDuration(43200).build().roleSessionDuration()).isEqualTo(43200);
  }

  @Test
  void retriesDefaultFiveZeroAllowedElevenRefused() {
    assertThat(keys().build().retries()).isEqualTo(5);
    assertThat(keys().retries(0).build().retries()).isZero();
    assertThat(keys().retries(10).build().retries()).isEqualTo(10);
    assertThatThrownBy(() -> keys().retries(11).build())
        .isInstanceOf(UsageException.class).hasMessage("retries: expected 0 (no retries) to 10, got 11");
  }

  @Test
  void accessKeyAndSecretComeTogether() {
    assertThatThrownBy(() -> AuthSettings.builder().accessKey("AKIA1").build()).hasMessageStartingWith("secret-key:");
    assertThatThrownBy(() -> AuthSettings.builder().secretKey(Secret.of("abcdefgh")).build()).hasMessageStartingWith("access-key:");
  }

  @Test
  void profileAndKeysAreExclusive() {
    assertThatThrownBy(() -> keys().profile("prod").build()).hasMessageStartingWith("profile:");
  }

  @Test
  void stsEndpointFlagWinsForStsOnly() {
    var s = keys().endpointUrl(java.net.URI.create("http://all:1")).stsEndpointUrl(java.net.URI.create("http://sts:2"))
        .serviceEndpoint("iam", java.net.URI.create("http://iam:3")).build();
    assertThat(s.endpointFor("sts")).hasToString("http://sts:2");
    assertThat(s.endpointFor("iam")).hasToString("http://iam:3");
    assertThat(s.endpointFor("ec2")).hasToString("http://all:1");
  }

  @Test
  void proxyPasswordIsTreatedAsASecret() {
    keys().proxy(java.net.URI.create("http://user:CANARY-proxy-pw@proxy:3128")).build();
    assertThat(Redactor.global().redact("via http://user:CANARY-proxy-pw@proxy:3128")).doesNotContain("CANARY-proxy-pw");
  }

  @Test
  void partitions() {
    assertThat(AuthSettings.partitionOf("us-gov-west-1")).isEqualTo("aws-us-gov");
    assertThat(AuthSettings.partitionOf("cn-north-1")).isEqualTo("aws-cn");
    assertThat(AuthSettings.partitionOf("eu-west-1")).isEqualTo("aws");
  }
}
