package io.rolecall.sandbox.service.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Json;
import io.rolecall.sandbox.protocol.Xml;
import io.rolecall.sandbox.protocol.XmlReader;
import io.rolecall.sandbox.service.Call;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The bucket sub-resources a remediation touches: policy (and its status), ACL, ownership controls, versioning and
 * server access logging, with S3's documents and errors (NoSuchBucketPolicy, OwnershipControlsNotFoundError,
 * MalformedPolicy, AccessControlListNotSupported, InvalidBucketAclWithObjectOwnership, InvalidBucketState,
 * InvalidTargetBucketForLogging (also when the target grants the log delivery service nothing: neither the
 * LogDelivery group's WRITE nor a policy naming logging.s3.amazonaws.com), and AccessDenied where the bucket's public access block refuses a public policy
 * or ACL).
 */
final class S3BucketCalls {
  /** Sub-resource query parameter to its operation name per HTTP method. */
  static final Map<String, Map<String, String>> ACTIONS = Map.of(
      "policy", Map.of("GET", "GetBucketPolicy", "PUT", "PutBucketPolicy", "DELETE", "DeleteBucketPolicy"),
      "policyStatus", Map.of("GET", "GetBucketPolicyStatus"),
      "acl", Map.of("GET", "GetBucketAcl", "PUT", "PutBucketAcl"),
      "ownershipControls", Map.of("GET", "GetBucketOwnershipControls", "PUT", "PutBucketOwnershipControls",
          "DELETE", "DeleteBucketOwnershipControls"),
      "versioning", Map.of("GET", "GetBucketVersioning", "PUT", "PutBucketVersioning"),
      "logging", Map.of("GET", "GetBucketLogging", "PUT", "PutBucketLogging"));
  static final Set<String> OWNERSHIP = Set.of("BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter");
  private static final String NS = S3Service.NAMESPACE;

  private S3BucketCalls() {}

  static boolean handles(String action) {
    return ACTIONS.values().stream().anyMatch(m -> m.containsValue(action));
  }

  static Reply handle(S3Service service, Call call) {
    String action = call.action();
    // Deleting ownership controls needs the Put permission, as AWS documents; the others are named as the call.
    String permission = "s3:" + switch (action) {
      case "DeleteBucketOwnershipControls" -> "PutBucketOwnershipControls";
      default -> action;
    };
    var bucket = service.accessible(call, permission);
    var s3 = S3Service.s3(call.account());
    var now = s3.settings(bucket.name());
    String id = call.requestId();
    return switch (action) {
      case "GetBucketPolicy" -> {
        if (now.policy() == null) throw noPolicy();
        yield new Reply(200, "application/json", now.policy().getBytes(StandardCharsets.UTF_8), Map.of())
            .withHeader("x-amz-request-id", id);
      }
      case "PutBucketPolicy" -> {
        String text = new String(call.request().body(), StandardCharsets.UTF_8);
        JsonNode doc = parsePolicy(text);
        var block = bucket.publicAccessBlock();
        if (block != null && block.blockPublicPolicy() && publicPolicy(doc)) {
          throw AwsException.forbidden("AccessDenied", "Access Denied");
        }
        s3.change(bucket.name(), s -> s.withPolicy(text));
        yield S3Service.PROTOCOL.ok(id, null).withStatus(204);
      }
      case "DeleteBucketPolicy" -> {
        s3.change(bucket.name(), s -> s.withPolicy(null));
        yield S3Service.PROTOCOL.ok(id, null).withStatus(204);
      }
      case "GetBucketPolicyStatus" -> {
        if (now.policy() == null) throw noPolicy();
        boolean open = publicPolicy(parsePolicy(now.policy()));
        yield S3Service.PROTOCOL.ok(id, new Xml().raw("<PolicyStatus xmlns=\"" + NS + "\">")
            .el("IsPublic", open).raw("</PolicyStatus>"));
      }
      case "GetBucketAcl" -> S3Service.PROTOCOL.ok(id, acl(call.account().id(), now.grants()));
      case "PutBucketAcl" -> {
        var grants = requestedGrants(call, s3.canonicalId());
        boolean onlyOwner = grants.stream().allMatch(g -> s3.canonicalId().equals(g.canonicalId()));
        if ("BucketOwnerEnforced".equals(now.ownership()) && !onlyOwner) {
          throw AwsException.badRequest("AccessControlListNotSupported", "The bucket does not allow ACLs");
        }
        var block = bucket.publicAccessBlock();
        if (block != null && block.blockPublicAcls() && publicGrants(grants)) {
          throw AwsException.forbidden("AccessDenied", "Access Denied");
        }
        s3.change(bucket.name(), s -> s.withGrants(grants));
        yield S3Service.PROTOCOL.ok(id, null);
      }
      case "GetBucketOwnershipControls" -> {
        if (now.ownership() == null) {
          throw AwsException.notFound("OwnershipControlsNotFoundError", "The bucket ownership controls were not found");
        }
        yield S3Service.PROTOCOL.ok(id, new Xml().raw("<OwnershipControls xmlns=\"" + NS + "\">")
            .nest("Rule", r -> r.el("ObjectOwnership", now.ownership())).raw("</OwnershipControls>"));
      }
      case "PutBucketOwnershipControls" -> {
        Element root = root(call, "OwnershipControls");
        String value = rules(root).stream().findFirst().orElseThrow(XmlReader::malformed);
        if (!OWNERSHIP.contains(value)) throw XmlReader.malformed();
        if (value.equals("BucketOwnerEnforced")
            && !now.grants().stream().allMatch(g -> s3.canonicalId().equals(g.canonicalId()))) {
          throw AwsException.badRequest("InvalidBucketAclWithObjectOwnership",
              "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
        }
        s3.change(bucket.name(), s -> s.withOwnership(value));
        yield S3Service.PROTOCOL.ok(id, null);
      }
      case "DeleteBucketOwnershipControls" -> {
        s3.change(bucket.name(), s -> s.withOwnership(null));
        yield S3Service.PROTOCOL.ok(id, null).withStatus(204);
      }
      case "GetBucketVersioning" -> S3Service.PROTOCOL.ok(id, new Xml()
          .raw("<VersioningConfiguration xmlns=\"" + NS + "\">").el("Status", now.versioning())
          .el("MfaDelete", now.mfaDelete()).raw("</VersioningConfiguration>"));
      case "PutBucketVersioning" -> {
        Element root = root(call, "VersioningConfiguration");
        String status = XmlReader.child(root, "Status").orElse(null);
        String mfa = XmlReader.child(root, "MfaDelete").orElse(null);
        if (status != null && !status.equals("Enabled") && !status.equals("Suspended")) throw XmlReader.malformed();
        if (mfa != null && !mfa.equals("Enabled") && !mfa.equals("Disabled")) throw XmlReader.malformed();
        if (mfa != null && call.request().header("x-amz-mfa") == null) {
          throw AwsException.forbidden("AccessDenied", "Mfa Authentication must be used for this request");
        }
        if (now.objectLock() && "Suspended".equals(status)) {
          throw AwsException.conflict("InvalidBucketState", "An Object Lock configuration is present on this"
              + " bucket, so the versioning state cannot be changed.");
        }
        s3.change(bucket.name(), s -> s.withVersioning(status == null ? s.versioning() : status,
            mfa == null ? s.mfaDelete() : mfa));
        yield S3Service.PROTOCOL.ok(id, null);
      }
      case "GetBucketLogging" -> S3Service.PROTOCOL.ok(id, new Xml()
          .raw("<BucketLoggingStatus xmlns=\"" + NS + "\">").raw(now.logTarget() == null ? "" : new Xml()
              .nest("LoggingEnabled", l -> l.el("TargetBucket", now.logTarget())
                  .el("TargetPrefix", now.logPrefix() == null ? "" : now.logPrefix())).toString())
          .raw("</BucketLoggingStatus>"));
      case "PutBucketLogging" -> {
        Element root = root(call, "BucketLoggingStatus");
        Element enabled = first(root, "LoggingEnabled");
        if (enabled == null) {
          s3.change(bucket.name(), s -> s.withLogging(null, null));
        } else {
          String target = XmlReader.child(enabled, "TargetBucket").orElseThrow(XmlReader::malformed);
          String prefix = XmlReader.child(enabled, "TargetPrefix").orElse("");
          var targetBucket = s3.bucket(target);
          if (targetBucket.isEmpty() || !targetBucket.get().region().equals(bucket.region())) {
            throw AwsException.badRequest("InvalidTargetBucketForLogging", "The target bucket for logging does"
                + " not exist, is not owned by you, or is not in the same region as the source bucket");
          }
          var targetSettings = s3.settings(target);
          boolean delivers = targetSettings.grants().contains(Grant.group(Grant.LOG_DELIVERY, "WRITE"))
              || targetSettings.policy() != null && targetSettings.policy().contains("logging.s3.amazonaws.com");
          if (!delivers) {
            throw AwsException.badRequest("InvalidTargetBucketForLogging", "You must either provide the necessary"
                + " permissions to the logging service using a bucket policy or give the log-delivery group WRITE and"
                + " READ_ACP permissions to the target bucket");
          }
          s3.change(bucket.name(), s -> s.withLogging(target, prefix));
        }
        yield S3Service.PROTOCOL.ok(id, null);
      }
      default -> throw S3Service.PROTOCOL.unknownOperation(action);
    };
  }

  /** A policy S3 accepts: a JSON object with a Statement. */
  static JsonNode parsePolicy(String text) {
    JsonNode doc;
    try {
      doc = Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      doc = null;
    }
    if (doc == null || !doc.isObject() || !doc.has("Statement")) {
      throw AwsException.badRequest("MalformedPolicy", "Policies must be valid JSON and the first byte must be '{'");
    }
    return doc;
  }

  /** Public as S3 judges it here: an Allow statement for every principal ("*" or AWS "*") without a condition. */
  static boolean publicPolicy(JsonNode doc) {
    var statements = doc.path("Statement");
    var list = statements.isArray() ? statements : Json.MAPPER.createArrayNode().add(statements);
    for (JsonNode st : list) {
      if ("Allow".equals(st.path("Effect").asText()) && !st.has("Condition") && everyone(st.path("Principal"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean everyone(JsonNode principal) {
    if (principal.isTextual()) return principal.asText().equals("*");
    JsonNode aws = principal.path("AWS");
    if (aws.isTextual()) return aws.asText().equals("*");
    if (aws.isArray()) {
      for (JsonNode a : aws) if (a.asText().equals("*")) return true;
    }
    return false;
  }

  static boolean publicGrants(List<Grant> grants) {
    return grants.stream().anyMatch(g -> Grant.ALL_USERS.equals(g.groupUri())
        || Grant.AUTHENTICATED_USERS.equals(g.groupUri()));
  }

  private static List<Grant> requestedGrants(Call call, String ownerId) {
    String canned = call.request().header("x-amz-acl");
    if (canned != null) {
      var grants = Grant.canned(canned, ownerId);
      if (grants == null) {
        throw AwsException.badRequest("InvalidArgument", "Invalid canned ACL: " + canned);
      }
      return grants;
    }
    Element root = root(call, "AccessControlPolicy");
    Element list = first(root, "AccessControlList");
    var out = new ArrayList<Grant>();
    if (list == null) throw XmlReader.malformed();
    for (Element g : children(list, "Grant")) {
      Element grantee = first(g, "Grantee");
      String permission = XmlReader.child(g, "Permission").orElseThrow(XmlReader::malformed);
      if (grantee == null || !Grant.PERMISSIONS.contains(permission)) throw XmlReader.malformed();
      var uri = XmlReader.child(grantee, "URI");
      var user = XmlReader.child(grantee, "ID");
      if (uri.isPresent()) out.add(Grant.group(uri.get(), permission));
      else if (user.isPresent()) out.add(Grant.user(user.get(), permission));
      else throw XmlReader.malformed();
    }
    return out;
  }

  private static Xml acl(String accountId, List<Grant> grants) {
    var x = new Xml().raw("<AccessControlPolicy xmlns=\"" + NS + "\">")
        .nest("Owner", o -> o.el("ID", S3Service.canonicalId(accountId)).el("DisplayName", "account-" + accountId))
        .raw("<AccessControlList>");
    for (Grant g : grants) {
      x.raw("<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\""
          + (g.groupUri() != null ? "Group" : "CanonicalUser") + "\">");
      if (g.groupUri() != null) x.el("URI", g.groupUri());
      else x.el("ID", g.canonicalId());
      x.raw("</Grantee>").el("Permission", g.permission()).raw("</Grant>");
    }
    return x.raw("</AccessControlList></AccessControlPolicy>");
  }

  private static Element root(Call call, String name) {
    if (call.request().body().length == 0) throw XmlReader.malformed();
    Element root = XmlReader.parse(call.request().body());
    if (!XmlReader.localName(root).equals(name)) throw XmlReader.malformed();
    return root;
  }

  private static List<String> rules(Element root) {
    var out = new ArrayList<String>();
    for (Element rule : children(root, "Rule")) {
      XmlReader.child(rule, "ObjectOwnership").ifPresent(out::add);
    }
    return out;
  }

  private static Element first(Element parent, String name) {
    var all = children(parent, name);
    return all.isEmpty() ? null : all.getFirst();
  }

  private static List<Element> children(Element parent, String name) {
    var out = new ArrayList<Element>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && XmlReader.localName(e).equals(name)) out.add(e);
    }
    return out;
  }

  private static AwsException noPolicy() {
    return AwsException.notFound("NoSuchBucketPolicy", "The bucket policy does not exist");
  }
}
