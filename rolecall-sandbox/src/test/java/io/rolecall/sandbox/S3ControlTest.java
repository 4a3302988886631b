package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.service.s3.PublicAccessBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

/** The account-level public access block of S3 Control, beside S3 on the same signing name. */
class S3ControlTest {
  final Sandbox sb = Sandbox.start();
  final Account account = sb.account("111111111111");
  final AccessKey ops = account.iam().createUserWithAccessKey("ops");
  final S3ControlClient s3control = Aws.s3control(sb, ops);

  @AfterEach
  void close() {
    s3control.close();
    sb.close();
  }

  @Test
  void noBlockIsNoSuchPublicAccessBlockConfiguration() {
    assertThatThrownBy(() -> s3control.getPublicAccessBlock(r -> r.accountId("111111111111")))
        .isInstanceOfSatisfying(S3ControlException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchPublicAccessBlockConfiguration");
        });
  }

  @Test
  void putGetDeleteRoundTrip() {
    s3control.putPublicAccessBlock(r -> r.accountId("111111111111")
        .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true).restrictPublicBuckets(true)));
    var c = s3control.getPublicAccessBlock(r -> r.accountId("111111111111")).publicAccessBlockConfiguration();
    assertThat(c.blockPublicAcls()).isTrue();
    assertThat(c.ignorePublicAcls()).isFalse();
    assertThat(c.restrictPublicBuckets()).isTrue();
    assertThat(account.s3().accountPublicAccessBlock()).contains(new PublicAccessBlock(true, false, false, true));
    s3control.deletePublicAccessBlock(r -> r.accountId("111111111111"));
    assertThat(account.s3().accountPublicAccessBlock()).isEmpty();
    assertThat(sb.calls().count("s3control", "PutPublicAccessBlock")).isEqualTo(1);
    assertThat(sb.calls().count("s3", "PutPublicAccessBlock")).isZero();
  }

  @Test
  void anotherAccountsBlockIsDenied() {
    assertThatThrownBy(() -> s3control.getPublicAccessBlock(r -> r.accountId("222222222222")))
        .isInstanceOfSatisfying(S3ControlException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
  }

  @Test
  void theAccountPermissionsAreChecked() {
    account.iam().putUserPolicy("ops", "get-only", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetAccountPublicAccessBlock","Resource":"*"}]}""");
    assertThatThrownBy(() -> s3control.putPublicAccessBlock(r -> r.accountId("111111111111")
        .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true))))
        .hasMessageContaining("s3:PutAccountPublicAccessBlock");
  }
}
