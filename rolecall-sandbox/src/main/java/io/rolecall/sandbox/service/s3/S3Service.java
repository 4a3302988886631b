package io.rolecall.sandbox.service.s3;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.Request;
import io.rolecall.sandbox.http.UriEncoding;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.protocol.RestXmlProtocol;
import io.rolecall.sandbox.protocol.Xml;
import io.rolecall.sandbox.protocol.XmlReader;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.Service;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * S3 (REST-XML, path-style addressing): the bucket public access block (Get/Put/DeletePublicAccessBlock), the
 * bucket's policy, policy status, ACL, ownership controls, versioning and logging (see {@link S3BucketCalls}), and
 * the bucket calls needed to set them up (CreateBucket, HeadBucket, ListBuckets, DeleteBucket). Other operations answer
 * NotImplemented. A bucket of another account is AccessDenied (bucket policies are not emulated); a bucket nobody
 * owns is NoSuchBucket.
 */
public final class S3Service implements Service {
  public static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
  static final RestXmlProtocol PROTOCOL = new RestXmlProtocol();
  /** Query parameters of listing calls, which do not make a request a sub-resource operation. */
  private static final Set<String> LISTING_PARAMS = Set.of("x-id", "max-buckets", "continuation-token", "prefix",
      "bucket-region", "list-type", "delimiter", "encoding-type", "max-keys", "marker", "fetch-owner", "start-after");

  @Override public String signingName() { return "s3"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  /** S3 Control signs as "s3" too; its paths start with its API version. */
  @Override
  public boolean accepts(Request request) {
    return !request.rawPath().startsWith("/v20180820/");
  }

  @Override
  public String action(Request request) {
    var target = Target.of(request);
    Set<String> params = UriEncoding.parsePairs(request.rawQuery(), false).stream().map(java.util.Map.Entry::getKey)
        .collect(Collectors.toSet());
    String method = request.method();
    if (target.bucket().isEmpty()) {
      return method.equals("GET") ? "ListBuckets" : unsupported(method, "/");
    }
    if (target.hasKey()) return unsupported(method, "object");
    if (params.contains("publicAccessBlock")) {
      return switch (method) {
        case "GET" -> "GetPublicAccessBlock";
        case "PUT" -> "PutPublicAccessBlock";
        case "DELETE" -> "DeletePublicAccessBlock";
        default -> unsupported(method, "?publicAccessBlock");
      };
    }
    for (var sub : S3BucketCalls.ACTIONS.entrySet()) {
      if (params.contains(sub.getKey())) {
        String op = sub.getValue().get(method);
        return op != null ? op : unsupported(method, "?" + sub.getKey());
      }
    }
    if (!LISTING_PARAMS.containsAll(params)) return unsupported(method, "?" + String.join("&", params));
    return switch (method) {
      case "PUT" -> "CreateBucket";
      case "HEAD" -> "HeadBucket";
      case "DELETE" -> "DeleteBucket";
      default -> unsupported(method, "bucket");
    };
  }

  private static String unsupported(String method, String what) {
    return "Unsupported:" + method + " " + what;
  }

  @Override
  public Reply handle(Call call) {
    return switch (call.action()) {
      case "ListBuckets" -> listBuckets(call);
      case "CreateBucket" -> createBucket(call);
      case "HeadBucket" -> headBucket(call);
      case "DeleteBucket" -> deleteBucket(call);
      case "GetPublicAccessBlock" -> getPublicAccessBlock(call);
      case "PutPublicAccessBlock" -> putPublicAccessBlock(call);
      case "DeletePublicAccessBlock" -> deletePublicAccessBlock(call);
      default -> {
        if (S3BucketCalls.handles(call.action())) yield S3BucketCalls.handle(this, call);
        throw PROTOCOL.unknownOperation(call.action());
      }
    };
  }

  private Reply listBuckets(Call call) {
    call.authorize("s3:ListAllMyBuckets", "*");
    var s3 = s3(call.account());
    var x = new Xml().raw("<ListAllMyBucketsResult xmlns=\"" + NAMESPACE + "\">")
        .nest("Owner", o -> o.el("ID", canonicalId(call.account().id())).el("DisplayName", "account-" + call.account().id()))
        .list("Buckets", "Bucket", s3.buckets(), (b, bucket) -> b.el("Name", bucket.name())
            .el("CreationDate", bucket.creationDate()).el("BucketRegion", bucket.region()))
        .raw("</ListAllMyBucketsResult>");
    return PROTOCOL.ok(call.requestId(), x);
  }

  private Reply createBucket(Call call) {
    String name = Target.of(call.request()).bucket();
    String region = "us-east-1";
    if (call.request().body().length > 0) {
      var root = XmlReader.parse(call.request().body());
      region = XmlReader.child(root, "LocationConstraint").filter(r -> !r.isEmpty()).orElse(region);
    }
    call.authorize("s3:CreateBucket", "arn:aws:s3:::" + name);
    s3(call.account()).createBucket(name, region);
    return PROTOCOL.ok(call.requestId(), null).withHeader("Location", "/" + name);
  }

  private Reply headBucket(Call call) {
    var bucket = accessible(call, "s3:ListBucket");
    return PROTOCOL.ok(call.requestId(), null).withHeader("x-amz-bucket-region", bucket.region());
  }

  private Reply deleteBucket(Call call) {
    var bucket = accessible(call, "s3:DeleteBucket");
    s3(call.account()).deleteBucket(bucket.name());
    return PROTOCOL.ok(call.requestId(), null).withStatus(204);
  }

  private Reply getPublicAccessBlock(Call call) {
    var bucket = accessible(call, "s3:GetBucketPublicAccessBlock");
    var block = s3(call.account()).publicAccessBlock(bucket.name()).orElseThrow(PublicAccessBlock::notFound);
    return PROTOCOL.ok(call.requestId(), new Xml().raw(block.xml(NAMESPACE)));
  }

  private Reply putPublicAccessBlock(Call call) {
    var bucket = accessible(call, "s3:PutBucketPublicAccessBlock");
    var block = PublicAccessBlock.parse(call.request().body());
    s3(call.account()).setPublicAccessBlock(bucket.name(), block);
    return PROTOCOL.ok(call.requestId(), null);
  }

  /** AWS documents that deleting the block needs the Put permission: there is no separate Delete one. */
  private Reply deletePublicAccessBlock(Call call) {
    var bucket = accessible(call, "s3:PutBucketPublicAccessBlock");
    s3(call.account()).setPublicAccessBlock(bucket.name(), null);
    return PROTOCOL.ok(call.requestId(), null).withStatus(204);
  }

  /**
   * The bucket the request names, if the caller may act on it: NoSuchBucket when no account owns it, AccessDenied
   * when another account does, then the caller's identity policies for {@code action} on the bucket's ARN.
   */
  Bucket accessible(Call call, String action) {
    String name = Target.of(call.request()).bucket();
    var s3 = s3(call.account());
    var own = s3.bucket(name);
    if (own.isEmpty()) {
      if (s3.owner(name).isPresent()) throw AwsException.forbidden("AccessDenied", "Access Denied");
      throw S3State.noSuchBucket();
    }
    call.authorize(action, own.get().arn());
    return own.get();
  }

  static S3State s3(Account account) {
    return account.state(S3State.class, () -> new S3State(account));
  }

  /** S3's 64-hex canonical user id, stable per account. */
  static String canonicalId(String accountId) {
    try {
      var digest = java.security.MessageDigest.getInstance("SHA-256").digest(("canonical:" + accountId)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Path-style addressing: /bucket[/key]. */
  record Target(String bucket, boolean hasKey) {
    static Target of(Request request) {
      String path = request.path();
      String rest = path.startsWith("/") ? path.substring(1) : path;
      int slash = rest.indexOf('/');
      if (slash < 0) return new Target(rest, false);
      return new Target(rest.substring(0, slash), slash + 1 < rest.length());
    }
  }
}
