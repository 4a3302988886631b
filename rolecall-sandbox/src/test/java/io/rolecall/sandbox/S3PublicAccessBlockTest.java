package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.service.s3.PublicAccessBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3's bucket public access block through the SDK's S3 client (REST-XML, path-style). */
class S3PublicAccessBlockTest {
  final Sandbox sb = Sandbox.start();
  final Account account = sb.account("111111111111");
  final AccessKey ops = account.iam().createUserWithAccessKey("ops");
  final S3Client s3 = Aws.s3(sb, ops);

  @AfterEach
  void close() {
    s3.close();
    sb.close();
  }

  @Test
  void aNewBucketHasNoBlockAndTheErrorIsAwsOwn() {
    s3.createBucket(r -> r.bucket("logs-1"));
    assertThatThrownBy(() -> s3.getPublicAccessBlock(r -> r.bucket("logs-1")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchPublicAccessBlockConfiguration");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The public access block configuration was not found");
        });
  }

  @Test
  void putReplacesTheWholeBlockAndFlagsLeftOutAreFalse() {
    s3.createBucket(r -> r.bucket("logs-1"));
    s3.putPublicAccessBlock(r -> r.bucket("logs-1").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
        .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
    s3.putPublicAccessBlock(r -> r.bucket("logs-1").publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true)));
    var c = s3.getPublicAccessBlock(r -> r.bucket("logs-1")).publicAccessBlockConfiguration();
    assertThat(c.blockPublicAcls()).isFalse();
    assertThat(c.ignorePublicAcls()).isFalse();
    assertThat(c.blockPublicPolicy()).isTrue();
    assertThat(c.restrictPublicBuckets()).isFalse();
    assertThat(account.s3().publicAccessBlock("logs-1")).contains(new PublicAccessBlock(false, false, true, false));
  }

  @Test
  void deleteRemovesTheBlock() {
    account.s3().createBucket("logs-1");
    account.s3().setPublicAccessBlock("logs-1", PublicAccessBlock.ALL_TRUE);
    s3.deletePublicAccessBlock(r -> r.bucket("logs-1"));
    assertThat(account.s3().publicAccessBlock("logs-1")).isEmpty();
  }

  @Test
  void aMissingBucketIsNoSuchBucket() {
    assertThatThrownBy(() -> s3.getPublicAccessBlock(r -> r.bucket("nowhere")))
        .isInstanceOfSatisfying(NoSuchBucketException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified bucket does not exist");
        });
    assertThatThrownBy(() -> s3.headBucket(r -> r.bucket("nowhere"))).isInstanceOf(NoSuchBucketException.class);
  }

  @Test
  void bucketNamesAreGlobalAndOtherAccountsBucketsAreDenied() {
    sb.account("222222222222").s3().createBucket("shared-name");
    assertThatThrownBy(() -> s3.createBucket(r -> r.bucket("shared-name"))).isInstanceOf(BucketAlreadyExistsException.class);
    assertThatThrownBy(() -> s3.getPublicAccessBlock(r -> r.bucket("shared-name")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        });
    s3.createBucket(r -> r.bucket("mine"));
    assertThatThrownBy(() -> s3.createBucket(r -> r.bucket("mine"))).isInstanceOf(BucketAlreadyOwnedByYouException.class);
  }

  @Test
  void listAndHeadBuckets() {
    s3.createBucket(r -> r.bucket("b-two"));
    account.s3().createBucket("a-one", "eu-west-1");
    assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("a-one", "b-two");
    assertThat(s3.headBucket(r -> r.bucket("a-one")).bucketRegion()).isEqualTo("eu-west-1");
  }

  @Test
  void invalidBucketNamesAreRefused() {
    // The SDK refuses most bad names itself; reserved prefixes reach the server.
    assertThatThrownBy(() -> s3.createBucket(r -> r.bucket("xn--bucket"))).isInstanceOfSatisfying(S3Exception.class, e ->
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName"));
    assertThatThrownBy(() -> account.s3().createBucket("Upper_Case")).hasMessage("The specified bucket is not valid.");
  }

  @Test
  void identityPoliciesGateEachActionOnTheBucketArn() {
    account.s3().createBucket("logs-1");
    account.iam().putUserPolicy("ops", "read-only", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetBucketPublicAccessBlock",
         "Resource":"arn:aws:s3:::logs-*"}]}""");
    assertThatThrownBy(() -> s3.getPublicAccessBlock(r -> r.bucket("logs-1"))).isInstanceOfSatisfying(S3Exception.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchPublicAccessBlockConfiguration"));
    assertThatThrownBy(() -> s3.putPublicAccessBlock(r -> r.bucket("logs-1")
        .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true))))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111111111111:user/ops is not"
              + " authorized to perform: s3:PutBucketPublicAccessBlock on resource: arn:aws:s3:::logs-1 because no"
              + " identity-based policy allows the s3:PutBucketPublicAccessBlock action");
        });
    assertThatThrownBy(() -> s3.deletePublicAccessBlock(r -> r.bucket("logs-1")))
        .hasMessageContaining("s3:PutBucketPublicAccessBlock");
    assertThat(sb.calls().count("111111111111", "s3", "PutPublicAccessBlock")).isEqualTo(1);
  }
}
