package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Ids;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.auth.Principal;
import io.rolecall.sandbox.policy.PolicyDocument;
import io.rolecall.sandbox.protocol.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One account's IAM: users, roles, managed policies, attachments and the password policy. Its public methods are
 * the setup API tests use and what the wire handlers call; failures are IAM's own errors (NoSuchEntity,
 * EntityAlreadyExists, MalformedPolicyDocument...). Names are unique case-insensitively, as in IAM. Thread-safe.
 */
public final class IamState {
  private final Account account;
  private final Map<String, IamUser> users = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, IamRole> roles = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, ManagedPolicy> policies = new ConcurrentHashMap<>(); // customer-managed, by ARN
  private final Map<String, Attached> attachments = new ConcurrentHashMap<>(); // by user, group or role ARN
  private final Map<String, IamGroup> groups = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, Set<String>> groupsOfUser = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);
  private final IamCredentials credentials;
  private volatile PasswordPolicy passwordPolicy;

  /** The identity policies of one user or role: inline by name, managed by ARN. */
  private record Attached(Map<String, PolicyDocument> inline, Set<String> managed) {
    Attached() {
      this(new ConcurrentSkipListMap<>(), ConcurrentHashMap.newKeySet());
    }
  }

  public IamState(Account account) {
    this.account = account;
    this.credentials = new IamCredentials(account, this);
  }

  public String accountId() {
    return account.id();
  }

  /** Users' sign-in credentials: console passwords, MFA devices, key status, the root's MFA, the credential report. */
  public IamCredentials credentials() {
    return credentials;
  }

  // ---- users and keys

  /** Creates user {@code name} and one access key for it. */
  public AccessKey createUserWithAccessKey(String name) {
    createUser(name);
    return createAccessKey(name);
  }

  public IamUser createUser(String name) {
    return createUser(name, "/");
  }

  public IamUser createUser(String name, String path) {
    var user = new IamUser(account.id(), name, path, Ids.uniqueId("AIDA"),
        "arn:aws:iam::" + account.id() + ":user" + path + name, account.world().clock().now());
    if (users.putIfAbsent(name, user) != null) {
      throw AwsException.conflict("EntityAlreadyExists", "User with name " + name + " already exists.");
    }
    return user;
  }

  public Optional<IamUser> user(String name) {
    return Optional.ofNullable(users.get(name));
  }

  public IamUser requireUser(String name) {
    return user(name).orElseThrow(() -> noSuchEntity("The user with name " + name + " cannot be found."));
  }

  public List<IamUser> users() {
    return List.copyOf(users.values());
  }

  /** A new long-term key for the user; IAM allows two per user. */
  public AccessKey createAccessKey(String userName) {
    return createAccessKey(userName, account.world().clock().now());
  }

  /** A key that looks {@code created} at that time (seeding makes old keys with it). */
  public AccessKey createAccessKey(String userName, java.time.Instant created) {
    var user = requireUser(userName);
    synchronized (this) { // count-then-issue must not interleave
      if (account.world().accessKeysOf(user.principal()).size() >= 2) {
        throw AwsException.conflict("LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2");
      }
      var c = account.world().issueAccessKey(user.principal(), created);
      return new AccessKey(c.accessKeyId(), c.secretAccessKey());
    }
  }

  /** The user's long-term keys, oldest first. */
  public List<io.rolecall.sandbox.auth.Credential> accessKeys(String userName) {
    return account.world().accessKeysOf(requireUser(userName).principal());
  }

  // ---- groups

  public IamGroup createGroup(String name) {
    return createGroup(name, "/");
  }

  public IamGroup createGroup(String name, String path) {
    var group = new IamGroup(account.id(), name, path, Ids.uniqueId("AGPA"),
        "arn:aws:iam::" + account.id() + ":group" + path + name, account.world().clock().now());
    if (groups.putIfAbsent(name, group) != null) {
      throw AwsException.conflict("EntityAlreadyExists", "Group with name " + name + " already exists.");
    }
    return group;
  }

  public Optional<IamGroup> group(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  public IamGroup requireGroup(String name) {
    return group(name).orElseThrow(() -> noSuchEntity("The group with name " + name + " cannot be found."));
  }

  public List<IamGroup> groups() {
    return List.copyOf(groups.values());
  }

  public void addUserToGroup(String groupName, String userName) {
    var group = requireGroup(groupName);
    var user = requireUser(userName);
    groupsOfUser.computeIfAbsent(user.name(), k -> new java.util.concurrent.ConcurrentSkipListSet<>()).add(group.name());
  }

  /** Names of the groups the user is in, sorted. */
  public List<String> groupsOf(String userName) {
    return List.copyOf(groupsOfUser.getOrDefault(userName, Set.of()));
  }

  public void putGroupPolicy(String groupName, String policyName, String policyJson) {
    attached(requireGroup(groupName).arn()).inline().put(policyName, parse(policyJson));
  }

  public void attachGroupPolicy(String groupName, String policyArn) {
    attached(requireGroup(groupName).arn()).managed().add(requirePolicy(policyArn).arn());
  }

  // ---- roles

  public IamRole createRole(String name, TrustPolicy trustPolicy) {
    return createRole(name, trustPolicy.json());
  }

  public IamRole createRole(String name, String trustPolicyJson) {
    return createRole(name, trustPolicyJson, IamRole.DEFAULT_MAX_SESSION_DURATION);
  }

  /** @param maxSessionDurationSeconds 3600..43200, the cap on AssumeRole's DurationSeconds */
  public IamRole createRole(String name, String trustPolicyJson, int maxSessionDurationSeconds) {
    return createRole(name, "/", trustPolicyJson, maxSessionDurationSeconds, null);
  }

  public IamRole createRole(String name, String path, String trustPolicyJson, int maxSessionDurationSeconds,
                            String description) {
    if (maxSessionDurationSeconds < 3600 || maxSessionDurationSeconds > 43200) {
      throw AwsException.badRequest("ValidationError", "1 validation error detected: Value '" + maxSessionDurationSeconds
          + "' at 'maxSessionDuration' failed to satisfy constraint: Member must have value "
          + (maxSessionDurationSeconds < 3600 ? "greater than or equal to 3600" : "less than or equal to 43200"));
    }
    var role = new IamRole(account.id(), name, path, Ids.uniqueId("AROA"),
        "arn:aws:iam::" + account.id() + ":role" + path + name, parse(trustPolicyJson), maxSessionDurationSeconds,
        description, account.world().clock().now());
    if (roles.putIfAbsent(name, role) != null) {
      throw AwsException.conflict("EntityAlreadyExists", "Role with name " + name + " already exists.");
    }
    return role;
  }

  public Optional<IamRole> role(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  public IamRole requireRole(String name) {
    return role(name).orElseThrow(() -> noSuchEntity("The role with name " + name + " cannot be found."));
  }

  /** The role with exactly this ARN (path included). */
  public Optional<IamRole> roleByArn(String arn) {
    String name = arn.substring(arn.lastIndexOf('/') + 1);
    return role(name).filter(r -> r.arn().equals(arn));
  }

  public List<IamRole> roles() {
    return List.copyOf(roles.values());
  }

  /**
   * A role a service owns ({@link ReservedRoles}): created, or updated in place keeping RoleId and CreateDate, with
   * exactly these inline and managed policies.
   */
  IamRole putServiceRole(String name, String path, String trustPolicyJson, int maxSessionDuration,
                         Map<String, String> inline, java.util.Collection<String> managedArns) {
    var trust = parse(trustPolicyJson);
    var policies = new Attached();
    inline.forEach((policyName, json) -> policies.inline().put(policyName, parse(json)));
    managedArns.forEach(arn -> policies.managed().add(requirePolicy(arn).arn()));
    var now = account.world().clock().now();
    var role = roles.compute(name, (k, r) -> r == null
        ? new IamRole(account.id(), name, path, Ids.uniqueId("AROA"), "arn:aws:iam::" + account.id() + ":role" + path
            + name, trust, maxSessionDuration, null, now)
        : new IamRole(r.accountId(), r.name(), r.path(), r.roleId(), r.arn(), trust, maxSessionDuration,
            r.description(), r.createDate()));
    attachments.put(role.arn(), policies);
    return role;
  }

  /** Removes a role and its policies (a service deleting the role it owns); empty if there was none. */
  Optional<IamRole> removeRole(String name) {
    var role = Optional.ofNullable(roles.remove(name));
    role.ifPresent(r -> attachments.remove(r.arn()));
    return role;
  }

  /** Replaces a role's trust policy (UpdateAssumeRolePolicy). */
  public IamRole updateTrustPolicy(String roleName, String trustPolicyJson) {
    var doc = parse(trustPolicyJson);
    return roles.compute(roleName, (k, r) -> {
      if (r == null) throw noSuchEntity("The role with name " + roleName + " cannot be found.");
      return new IamRole(r.accountId(), r.name(), r.path(), r.roleId(), r.arn(), doc, r.maxSessionDuration(),
          r.description(), r.createDate());
    });
  }

  // ---- policies

  /** Creates a customer-managed policy; returns its ARN. */
  public String createPolicy(String name, String policyJson) {
    return createPolicy(name, "/", policyJson).arn();
  }

  public ManagedPolicy createPolicy(String name, String path, String policyJson) {
    String arn = "arn:aws:iam::" + account.id() + ":policy" + path + name;
    var policy = new ManagedPolicy(name, path, Ids.uniqueId("ANPA"), arn, parse(policyJson),
        account.world().clock().now());
    if (policies.putIfAbsent(arn, policy) != null) {
      throw AwsException.conflict("EntityAlreadyExists", "A policy called " + name + " already exists. Duplicate names are not allowed.");
    }
    return policy;
  }

  /** A customer-managed policy of this account or an AWS-managed one. */
  public Optional<ManagedPolicy> policy(String arn) {
    return Optional.ofNullable(policies.get(arn)).or(() -> AwsManagedPolicies.byArn(arn));
  }

  public List<ManagedPolicy> policies() {
    return List.copyOf(new TreeMap<>(policies).values());
  }

  public void putRolePolicy(String roleName, String policyName, String policyJson) {
    attached(requireRole(roleName).arn()).inline().put(policyName, parse(policyJson));
  }

  public void putUserPolicy(String userName, String policyName, String policyJson) {
    attached(requireUser(userName).arn()).inline().put(policyName, parse(policyJson));
  }

  public void attachRolePolicy(String roleName, String policyArn) {
    attached(requireRole(roleName).arn()).managed().add(requirePolicy(policyArn).arn());
  }

  public void attachUserPolicy(String userName, String policyArn) {
    attached(requireUser(userName).arn()).managed().add(requirePolicy(policyArn).arn());
  }

  /** Inline policies of a user, group or role, by name, as given. */
  public Map<String, String> inlinePolicies(String entityArn) {
    var out = new TreeMap<String, String>();
    var set = attachments.get(entityArn);
    if (set != null) set.inline().forEach((name, doc) -> out.put(name, doc.json()));
    return out;
  }

  /** ARNs of the managed policies attached to a user, group or role. */
  public List<String> attachedPolicies(String entityArn) {
    var set = attachments.get(entityArn);
    return set == null ? List.of() : set.managed().stream().sorted().toList();
  }

  /** How many users, groups and roles each attached managed policy is attached to, by policy ARN. */
  public Map<String, Integer> attachmentCounts() {
    var counts = new TreeMap<String, Integer>();
    attachments.values().forEach(a -> a.managed().forEach(arn -> counts.merge(arn, 1, Integer::sum)));
    return counts;
  }

  /**
   * The identity policies that govern a principal: a user's own, or for a role session the role's. Empty for root
   * and for principals nothing is attached to (see {@link io.rolecall.sandbox.policy.Authorizer}).
   */
  public List<PolicyDocument> identityPolicies(Principal principal) {
    String entityArn = switch (principal) {
      case Principal.Root r -> null;
      case Principal.User u -> u.arn();
      case Principal.AssumedRole ar -> ar.roleArn();
    };
    if (entityArn == null) return List.of();
    var out = new ArrayList<PolicyDocument>();
    addPolicies(out, attachments.get(entityArn));
    if (principal instanceof Principal.User u) {
      // A user's effective permissions include those of its groups, as in IAM.
      groupsOf(u.name()).forEach(g -> group(g).ifPresent(group -> addPolicies(out, attachments.get(group.arn()))));
    }
    return out;
  }

  private void addPolicies(List<PolicyDocument> out, Attached set) {
    if (set == null) return;
    out.addAll(set.inline().values());
    set.managed().forEach(arn -> policy(arn).ifPresent(p -> out.add(p.document())));
  }

  // ---- password policy

  public Optional<PasswordPolicy> passwordPolicy() {
    return Optional.ofNullable(passwordPolicy);
  }

  public void setPasswordPolicy(PasswordPolicy policy) {
    passwordPolicy = policy;
  }

  /** Removes the policy; NoSuchEntity when there is none, as IAM does. */
  public void deletePasswordPolicy() {
    synchronized (this) {
      if (passwordPolicy == null) throw noPasswordPolicy();
      passwordPolicy = null;
    }
  }

  AwsException noPasswordPolicy() {
    return noSuchEntity("The Password Policy with domain name " + account.id() + " cannot be found.");
  }

  // ---- helpers

  private Attached attached(String entityArn) {
    return attachments.computeIfAbsent(entityArn, k -> new Attached());
  }

  private ManagedPolicy requirePolicy(String arn) {
    return policy(arn).orElseThrow(() -> noSuchEntity("Policy " + arn + " does not exist or is not attachable."));
  }

  private static PolicyDocument parse(String json) {
    try {
      return PolicyDocument.parse(json);
    } catch (PolicyDocument.MalformedPolicyException e) {
      throw AwsException.badRequest("MalformedPolicyDocument", e.invalidJson() ? e.getMessage() : "Syntax errors in policy.");
    }
  }

  static AwsException noSuchEntity(String message) {
    return AwsException.notFound("NoSuchEntity", message);
  }
}
