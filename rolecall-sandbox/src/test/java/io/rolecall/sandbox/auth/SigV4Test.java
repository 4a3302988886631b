package io.rolecall.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.http.AwsChunked;
import io.rolecall.sandbox.http.Request;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Our verifier against AWS's published example and against the SDK's own signer, for S3 and non-S3 rules. */
class SigV4Test {
  static final String KEY = "AKIDEXAMPLE", SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  @Test
  void awsSignatureTestSuiteGetVanilla() {
    var request = new Request("GET", "/", "", Map.of("Host", List.of("example.amazonaws.com"),
        "X-Amz-Date", List.of("20150830T123600Z"), "Authorization", List.of("AWS4-HMAC-SHA256 "
            + "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")), new byte[0]);
    var signature = SigV4.read(request).orElseThrow();
    assertThat(signature.service()).isEqualTo("service");
    assertThat(SigV4.verify(request, signature, SECRET)).isTrue();
    assertThat(SigV4.verify(request, signature, SECRET + "x")).isFalse();
  }

  static SignedRequest sdkSign(String service, SdkHttpMethod method, String url, String body, boolean chunked,
                               boolean presigned) {
    boolean s3 = service.equals("s3");
    var request = SdkHttpRequest.builder().method(method).uri(URI.create(url))
        .putHeader("Content-Type", "application/octet-stream").putHeader("X-Custom", "  a   b  ")
        .putHeader("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length)).build();
    return AwsV4HttpSigner.create().sign(r -> {
      r.identity(AwsCredentialsIdentity.create(KEY, SECRET)).request(request)
          .payload(ContentStreamProvider.fromUtf8String(body))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
          .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
          .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3)
          .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3)
          .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
          .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, chunked);
      if (presigned) {
        r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
            .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5));
      }
    });
  }

  static Request asReceived(SignedRequest signed) throws IOException {
    var r = signed.request();
    byte[] body = signed.payload().isPresent() ? signed.payload().get().newStream().readAllBytes() : new byte[0];
    var headers = new java.util.HashMap<>(r.headers());
    headers.putIfAbsent("Host", List.of(r.host() + ":" + r.port()));
    return new Request(r.method().name(), r.encodedPath(), r.encodedQueryParameters().orElse(null), headers, body);
  }

  static void assertVerifies(SignedRequest signed) throws IOException {
    var request = asReceived(signed);
    var signature = SigV4.read(request).orElseThrow();
    assertThat(SigV4.verify(request, signature, SECRET)).as(request.toString()).isTrue();
    if (!signature.service().equals("s3")) { // outside S3 the body's own hash is signed
      assertThat(SigV4.verify(request.withBody("tampered".getBytes(StandardCharsets.UTF_8)), signature, SECRET)).isFalse();
    }
  }

  @Test
  void nonS3ServicesDoubleEncodeAndNormaliseThePath() throws IOException {
    assertVerifies(sdkSign("iam", SdkHttpMethod.POST, "http://127.0.0.1:4566/", "Action=ListUsers&Version=2010-05-08",
        false, false));
    assertVerifies(sdkSign("execute-api", SdkHttpMethod.GET,
        "http://127.0.0.1:4566/a%20b/./c/../d%2Fe?b=2&a=1&a=0&empty=&sp=x%20y", "", false, false));
  }

  @Test
  void s3UsesThePathAsSentAndTheDeclaredPayloadHash() throws IOException {
    assertVerifies(sdkSign("s3", SdkHttpMethod.PUT, "http://127.0.0.1:4566/bucket/dir/../my%20key?uploads",
        "hello", false, false));
    assertVerifies(sdkSign("s3", SdkHttpMethod.GET, "http://127.0.0.1:4566/bucket?list-type=2&prefix=a%2Fb", "",
        false, false));
  }

  @Test
  void s3StreamingUploadsVerifyAndUnframe() throws IOException {
    String body = "x".repeat(70_000) + "tail";
    var signed = sdkSign("s3", SdkHttpMethod.PUT, "http://127.0.0.1:4566/bucket/key", body, true, false);
    var request = asReceived(signed);
    assertThat(request.header("x-amz-content-sha256")).startsWith("STREAMING-");
    assertThat(SigV4.verify(request, SigV4.read(request).orElseThrow(), SECRET)).isTrue();
    assertThat(new String(AwsChunked.decode(request.body()), StandardCharsets.UTF_8)).isEqualTo(body);
  }

  @Test
  void presignedQueryAuthentication() throws IOException {
    var signed = sdkSign("sts", SdkHttpMethod.GET, "http://127.0.0.1:4566/?Action=GetCallerIdentity&Version=2011-06-15",
        "", false, true);
    var request = asReceived(signed);
    assertThat(request.header("authorization")).isNull();
    var signature = SigV4.read(request).orElseThrow();
    assertThat(signature.presigned()).isTrue();
    assertThat(SigV4.verify(request, signature, SECRET)).isTrue();
  }

  @Test
  void removeDotSegments() {
    assertThat(SigV4.removeDotSegments("/a/./b/../c")).isEqualTo("/a/c");
    assertThat(SigV4.removeDotSegments("/a/b/..")).isEqualTo("/a/");
    assertThat(SigV4.removeDotSegments("/../a")).isEqualTo("/a");
    assertThat(SigV4.removeDotSegments("/a.b/c")).isEqualTo("/a.b/c");
  }
}
