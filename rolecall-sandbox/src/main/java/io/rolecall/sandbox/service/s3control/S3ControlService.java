package io.rolecall.sandbox.service.s3control;

import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.Request;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.protocol.RestXmlProtocol;
import io.rolecall.sandbox.protocol.Xml;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.Service;
import io.rolecall.sandbox.service.s3.PublicAccessBlock;
import io.rolecall.sandbox.service.s3.S3State;

/**
 * S3 Control's account-level public access block: {@code GET|PUT|DELETE /v20180820/configuration/publicAccessBlock}
 * with the account in {@code x-amz-account-id}. It signs as "s3" and is told apart by its path; in the call log and
 * for faults it is "s3control". Clients must not prefix the host with the account id (as the SDK's
 * endpoint rules do; give the SDK an {@code EndpointProvider} that answers the sandbox's endpoint): the sandbox has
 * no DNS. Errors come in the {@code <ErrorResponse>} envelope, not S3's bare {@code <Error>}.
 */
public final class S3ControlService implements Service {
  public static final String NAMESPACE = "http://awss3control.amazonaws.com/doc/2018-08-20/";
  private static final String PREFIX = "/v20180820/";
  private static final RestXmlProtocol PROTOCOL = new RestXmlProtocol(true);

  @Override public String signingName() { return "s3"; }

  @Override public String name() { return "s3control"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  @Override
  public boolean accepts(Request request) {
    return request.rawPath().startsWith(PREFIX);
  }

  @Override
  public String action(Request request) {
    if (!request.path().equals(PREFIX + "configuration/publicAccessBlock")) {
      return "Unsupported:" + request.method() + " " + request.path();
    }
    return switch (request.method()) {
      case "GET" -> "GetPublicAccessBlock";
      case "PUT" -> "PutPublicAccessBlock";
      case "DELETE" -> "DeletePublicAccessBlock";
      default -> "Unsupported:" + request.method() + " " + request.path();
    };
  }

  @Override
  public Reply handle(Call call) {
    return switch (call.action()) {
      case "GetPublicAccessBlock" -> get(call);
      case "PutPublicAccessBlock" -> put(call);
      case "DeletePublicAccessBlock" -> delete(call);
      default -> throw PROTOCOL.unknownOperation(call.action());
    };
  }

  private Reply get(Call call) {
    var s3 = ownAccount(call, "s3:GetAccountPublicAccessBlock");
    var block = s3.accountPublicAccessBlock().orElseThrow(PublicAccessBlock::notFound);
    return PROTOCOL.ok(call.requestId(), new Xml().raw(block.xml(NAMESPACE)));
  }

  private Reply put(Call call) {
    var s3 = ownAccount(call, "s3:PutAccountPublicAccessBlock");
    s3.setAccountPublicAccessBlock(PublicAccessBlock.parse(call.request().body()));
    return PROTOCOL.ok(call.requestId(), null);
  }

  /** As for buckets, removing the block is governed by the Put permission. */
  private Reply delete(Call call) {
    var s3 = ownAccount(call, "s3:PutAccountPublicAccessBlock");
    s3.setAccountPublicAccessBlock(null);
    return PROTOCOL.ok(call.requestId(), null).withStatus(204);
  }

  /** The x-amz-account-id header is required and must be the caller's own account. */
  private static S3State ownAccount(Call call, String action) {
    String accountId = call.request().header("x-amz-account-id");
    if (accountId == null || accountId.isEmpty()) {
      throw AwsException.badRequest("InvalidRequest", "Missing required header for this request: x-amz-account-id");
    }
    if (!accountId.matches("\\d{12}")) {
      throw AwsException.badRequest("InvalidAccountId", "Account id '" + accountId + "' is not valid");
    }
    if (!accountId.equals(call.account().id())) throw AwsException.forbidden("AccessDenied", "Access Denied");
    call.authorize(action, "*");
    var account = call.account();
    return account.state(S3State.class, () -> new S3State(account));
  }
}
