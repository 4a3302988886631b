package io.rolecall.sandbox.service.sts;

import io.rolecall.sandbox.World;
import io.rolecall.sandbox.auth.Principal;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.policy.PolicyEvaluator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.protocol.QueryProtocol;
import io.rolecall.sandbox.protocol.Validation;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.Service;
import io.rolecall.sandbox.service.iam.IamRole;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * STS: GetCallerIdentity and AssumeRole. AssumeRole checks, in AWS's order, the input, the caller's identity
 * policies for {@code sts:AssumeRole} on the role, then the role's trust policy, then the session duration. An
 * unknown role and a refused trust give the same AccessDenied, as AWS does not reveal whether a role exists.
 */
public final class StsService implements Service {
  public static final QueryProtocol PROTOCOL = new QueryProtocol("https://sts.amazonaws.com/doc/2011-06-15/");
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\u0021-\\u007E]*/)?[\\w+=,.@-]+");
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
  private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");
  /** AWS caps a session obtained by role chaining at one hour, whatever the role allows. */
  private static final int CHAINED_MAX_SECONDS = 3600;

  private final World world;

  public StsService(World world) {
    this.world = world;
  }

  @Override public String signingName() { return "sts"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  @Override
  public Reply handle(Call call) {
    return switch (call.action()) {
      case "GetCallerIdentity" -> getCallerIdentity(call);
      case "AssumeRole" -> assumeRole(call);
      default -> throw PROTOCOL.unknownOperation(call.action());
    };
  }

  /** Needs no permission in AWS, not even when a policy denies it. */
  private Reply getCallerIdentity(Call call) {
    var p = call.principal();
    return PROTOCOL.ok(call.action(), call.requestId(), x -> x.el("Arn", p.arn()).el("UserId", p.userId())
        .el("Account", p.accountId()));
  }

  private Reply assumeRole(Call call) {
    var q = call.params();
    String roleArn = q.require("RoleArn");
    String sessionName = q.require("RoleSessionName");
    q.string("RoleArn", 20, 2048);
    q.string("RoleSessionName", 2, 64);
    if (!SESSION_NAME.matcher(sessionName).matches()) {
      throw validation(Validation.pattern("RoleSessionName", sessionName, SESSION_NAME.pattern()));
    }
    int duration = or(q.integer("DurationSeconds", 900, 43200), 3600);
    String externalId = q.string("ExternalId", 2, 1224);
    if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
      throw validation(Validation.pattern("ExternalId", externalId, EXTERNAL_ID.pattern()));
    }
    String serialNumber = q.string("SerialNumber", 9, 256);
    String tokenCode = q.string("TokenCode", 6, 6);
    var matcher = ROLE_ARN.matcher(roleArn);
    if (!matcher.matches()) throw validation("Request ARN is invalid");

    var caller = call.caller();
    var denied = PROTOCOL.accessDenied("User: " + caller.principal().arn()
        + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
    if (caller.principal() instanceof Principal.Root) {
      throw PROTOCOL.accessDenied("Roles may not be assumed by root accounts.");
    }
    call.authorize("sts:AssumeRole", roleArn);
    IamRole role = world.findAccount(matcher.group(1)).flatMap(a -> a.iam().roleByArn(roleArn)).orElseThrow(() -> denied);

    // The sandbox accepts any six-digit TokenCode: it emulates MFA's effect on conditions, not the device.
    boolean mfa = serialNumber != null && tokenCode != null && tokenCode.chars().allMatch(Character::isDigit);
    var keys = PolicyEvaluator.keysOf(caller);
    keys.put("sts:rolesessionname", sessionName);
    if (externalId != null) keys.put("sts:externalid", externalId);
    if (mfa) keys.put("aws:multifactorauthpresent", "true");
    var trust = PolicyEvaluator.trust(role.trustPolicy(),
        new PolicyEvaluator.Request(caller.principal(), "sts:AssumeRole", roleArn, keys));
    if (trust != PolicyEvaluator.Outcome.ALLOW) throw denied;

    if (caller.principal() instanceof Principal.AssumedRole && duration > CHAINED_MAX_SECONDS) {
      throw validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
    }
    if (duration > role.maxSessionDuration()) {
      throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }

    var session = new Principal.AssumedRole(role.accountId(), role.name(), role.arn(), role.roleId(), sessionName);
    var issued = world.issueSession(session, Duration.ofSeconds(duration), mfa);
    String sourceIdentity = q.get("SourceIdentity");
    return PROTOCOL.ok(call.action(), call.requestId(), x -> x
        .nest("Credentials", c -> c.el("AccessKeyId", issued.accessKeyId())
            .el("SecretAccessKey", issued.secretAccessKey()).el("SessionToken", issued.sessionToken())
            .el("Expiration", issued.expiration()))
        .nest("AssumedRoleUser", u -> u.el("AssumedRoleId", session.userId()).el("Arn", session.arn()))
        .el("SourceIdentity", sourceIdentity));
  }

  private static AwsException validation(String message) {
    return AwsException.badRequest("ValidationError", message);
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
