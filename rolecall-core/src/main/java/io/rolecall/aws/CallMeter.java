package io.rolecall.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;

/**
 * The interceptor every client rolecall builds carries: it reports each HTTP attempt (retries included) to the
 * {@link CallScope} bound on the calling thread, if any, and tells throttling refusals apart. Without a bound
 * scope it does nothing, so commands that do not meter pay nothing.
 */
public final class CallMeter implements ExecutionInterceptor {
  static final CallMeter INSTANCE = new CallMeter();

  private static final ScopedValue<CallScope> SCOPE = ScopedValue.newInstance();

  /**
   * The error codes AWS uses for "slow down" across protocols (the set the SDK's retry policy treats as
   * throttling), found in the error body of query/XML and JSON protocols or in the x-amzn-ErrorType header.
   */
  static final Set<String> THROTTLING_CODES = Set.of("Throttling", "ThrottlingException", "ThrottledException",
      "RequestThrottledException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
      "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException",
      "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException");
  private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]+)</Code>");
  private static final Pattern JSON_TYPE = Pattern.compile("\"(?:__type|code)\"\\s*:\\s*\"(?:[^\"#]*#)?([^\":]+)");

  private CallMeter() {}

  /** Runs {@code work} with {@code scope} seeing every SDK attempt made on this thread meanwhile. */
  public static <T> T within(CallScope scope, Callable<T> work) throws Exception {
    return ScopedValue.where(SCOPE, scope).call(work::call);
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (SCOPE.isBound()) {
      var region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
      SCOPE.get().beforeAttempt(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
          attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), region == null ? "" : region.id());
    }
  }

  /** Error bodies are a few hundred bytes: read one to find its code, then hand the SDK an identical stream. */
  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
      ExecutionAttributes attributes) {
    if (!SCOPE.isBound()) {
      return context.responseBody();
    }
    int status = context.httpResponse().statusCode();
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (status < 400) {
      SCOPE.get().afterAttempt(service, operation, false);
      return context.responseBody();
    }
    byte[] body = read(context.responseBody());
    String header = context.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null);
    SCOPE.get().afterAttempt(service, operation, status == 429 || isThrottling(header, body));
    return Optional.of(new ByteArrayInputStream(body));
  }

  static boolean isThrottling(String errorTypeHeader, byte[] body) {
    if (errorTypeHeader != null && THROTTLING_CODES.contains(errorTypeHeader.split(":")[0].trim())) {
      return true;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    var xml = XML_CODE.matcher(text);
    if (xml.find() && THROTTLING_CODES.contains(xml.group(1).trim())) {
      return true;
    }
    var json = JSON_TYPE.matcher(text);
    return json.find() && THROTTLING_CODES.contains(json.group(1).trim());
  }

  private static byte[] read(Optional<InputStream> body) {
    if (body.isEmpty()) {
      return new byte[0];
    }
    try (InputStream in = body.get()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
