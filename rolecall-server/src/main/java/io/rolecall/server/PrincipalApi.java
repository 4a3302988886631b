package io.rolecall.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.access.AccessInput;
import io.rolecall.access.Hop;
import io.rolecall.inventory.FindingsReport;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.ItemPages;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.Suppression;
import io.rolecall.inventory.View;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/inventory/principal?arn=ARN} (or {@code ?id=ID&kind=idc-user|idc-group}): one principal of the
 * current state with its policies (documents parsed), memberships, access keys, MFA devices, what it reaches and who
 * can act as it (from the access graph), and its open findings. Every part is read by key from the store.
 */
final class PrincipalApi {
  private static final List<Kind> IAM = List.of(Kind.USER, Kind.ROLE, Kind.GROUP);
  private static final List<Kind> IDC = List.of(Kind.IDC_USER, Kind.IDC_GROUP);

  private final InventoryStore inventory;
  private final AccessApi access;
  private final List<Suppression> suppressions;
  private final Clock clock;

  PrincipalApi(InventoryStore inventory, AccessApi access, List<Suppression> suppressions, Clock clock) {
    this.inventory = inventory;
    this.access = access;
    this.suppressions = List.copyOf(suppressions);
    this.clock = clock;
  }

  Response principal(Request r) {
    String arn = InventoryApi.text(r, "arn");
    String id = InventoryApi.text(r, "id");
    String kindText = InventoryApi.text(r, "kind");
    if ((arn == null) == (id == null)) {
      throw new UsageException("arn: give arn=ARN (an IAM user, role or group) or id=ID with kind=idc-user|idc-group");
    }
    List<Kind> kinds;
    String key;
    if (arn != null) {
      kinds = arn.startsWith("arn:") ? IAM : IDC;
      key = arn;
    } else {
      if (kindText == null || !kindText.matches("idc-user|idc-group")) {
        throw new UsageException("kind: expected idc-user or idc-group with id=, got " + Shown.quoted(kindText));
      }
      kinds = List.of(Kind.ofId(kindText));
      key = id;
    }
    if (inventory.latestRun().isEmpty()) {
      throw new ApiException(404, "inventory: no finished sync in the store; start one with POST /v1/inventory/jobs");
    }
    var view = View.current();
    var found = ItemPages.find(inventory, view, kinds, null, List.of(key), List.of());
    if (found.isEmpty() && id != null) {
      // The Identity Store's own id, without the store's prefix.
      found = idcByBareId(kinds, id);
    }
    if (found.isEmpty()) {
      throw new ApiException(404, "principal: no " + (arn != null ? "principal " + Shown.quoted(arn)
          : kindText + " " + Shown.quoted(id)) + " in the current state");
    }
    ObjectNode item = found.getFirst();
    Kind kind = Kind.ofId(item.path("kind").asText());
    String account = item.path("accountId").asText();
    String itemId = item.path("id").asText();

    var principal = new LinkedHashMap<String, Object>();
    principal.put("kind", kind.id());
    principal.put("account", account);
    principal.put("arn", itemId);
    principal.put("name", name(kind, item));
    principal.put("collectedAt", item.path("collectedAt").isNull() ? null : item.path("collectedAt").asText());
    item.fields().forEachRemaining(e -> principal.putIfAbsent(e.getKey(), e.getValue()));

    var policies = new ArrayList<Map<String, Object>>();
    var memberships = new ArrayList<Map<String, Object>>();
    List<ObjectNode> keys = List.of();
    List<ObjectNode> mfa = List.of();
    switch (kind) {
      case USER, ROLE, GROUP -> {
        own(item, "inline", policies, account);
        if (kind == Kind.ROLE) {
          policies.add(policy(item.path("roleName").asText(), "trust", null, item.get("trustPolicy")));
        }
        if (kind == Kind.USER) {
          String user = item.path("userName").asText();
          var groups = new ArrayList<String>();
          item.path("groups").forEach(g -> groups.add(g.asText()));
          for (ObjectNode g : ItemPages.find(inventory, view, List.of(Kind.GROUP), account, List.of(), groups)) {
            memberships.add(membership("group", g.path("groupName").asText(), g.path("id").asText()));
            var theirs = new ArrayList<Map<String, Object>>();
            own(g, "group", theirs, account);
            theirs.forEach(p -> p.put("group", g.path("groupName").asText()));
            policies.addAll(theirs);
          }
          keys = ItemPages.find(inventory, view, List.of(Kind.ACCESS_KEY), account, List.of(), List.of(user));
          mfa = ItemPages.find(inventory, view, List.of(Kind.MFA_DEVICE), account, List.of(), List.of(user));
        }
        if (kind == Kind.GROUP) {
          // Its members: the account's users whose groups name it, read in the store's pages.
          var members = new ArrayList<Map<String, Object>>();
          String group = item.path("groupName").asText();
          inventory.items(view, List.of(Kind.USER), List.of(account), s -> {
            for (JsonNode g : s.item().data().path("groups")) {
              if (g.asText().equals(group)) {
                members.add(membership("user", s.item().name(), s.item().id()));
              }
            }
          });
          principal.put("members", members);
        }
      }
      case IDC_USER, IDC_GROUP -> identityCenter(item, kind, view, account, policies, memberships);
      default -> throw new IllegalStateException("not a principal: " + kind);
    }

    var body = new LinkedHashMap<String, Object>();
    body.put("principal", principal);
    body.put("policies", policies);
    body.put("memberships", memberships);
    body.put("keys", keys);
    body.put("mfa", mfa);
    body.put("reaches", reaches(kind, item));
    body.put("reachedBy", reachedBy(kind, itemId));
    body.put("findings", findings(account, itemId, kind == Kind.USER ? item.path("userName").asText() : null));
    return Response.ok(body);
  }

  private List<ObjectNode> idcByBareId(List<Kind> kinds, String id) {
    var out = new ArrayList<ObjectNode>();
    inventory.items(View.current(), kinds, List.of(), s -> {
      String own = s.item().data().path(s.item().kind() == Kind.IDC_USER ? "userId" : "groupId").asText();
      if (own.equals(id) && out.isEmpty()) {
        out.add(s.json());
      }
    });
    return out;
  }

  private static String name(Kind kind, ObjectNode item) {
    return switch (kind) {
      case USER -> item.path("userName").asText(null);
      case ROLE -> item.path("roleName").asText(null);
      case GROUP -> item.path("groupName").asText(null);
      case IDC_USER -> item.path("userName").asText(null);
      case IDC_GROUP -> item.path("displayName").asText(null);
      default -> null;
    };
  }

  /** An IAM principal's inline policies and its managed ones (their documents from the account's policy items). */
  private void own(ObjectNode item, String inlineType, List<Map<String, Object>> out, String account) {
    for (JsonNode p : item.path("inlinePolicies")) {
      out.add(policy(p.path("policyName").asText(), inlineType, null, p.get("document")));
    }
    var arns = new ArrayList<String>();
    item.path("attachedPolicies").forEach(p -> arns.add(p.path("policyArn").asText()));
    var documents = new LinkedHashMap<String, JsonNode>();
    for (ObjectNode p : ItemPages.find(inventory, View.current(), List.of(Kind.LOCAL_POLICY, Kind.AWS_POLICY), account,
        arns, List.of())) {
      documents.put(p.path("id").asText(), p.get("document"));
    }
    for (JsonNode p : item.path("attachedPolicies")) {
      String arn = p.path("policyArn").asText();
      out.add(policy(p.path("policyName").asText(), "inline".equals(inlineType) ? "managed" : inlineType, arn,
          documents.get(arn)));
    }
  }

  private static Map<String, Object> policy(String name, String type, String arn, JsonNode document) {
    var m = new LinkedHashMap<String, Object>();
    m.put("name", name);
    m.put("type", type);
    if (arn != null) {
      m.put("arn", arn);
    }
    m.put("document", document == null || document.isMissingNode() ? null : document);
    return m;
  }

  private static Map<String, Object> membership(String kind, String name, String arn) {
    var m = new LinkedHashMap<String, Object>();
    m.put("kind", kind);
    m.put("name", name);
    m.put("arn", arn);
    return m;
  }

  /** Identity Center: the groups a user is in, and the permission sets assigned to it (or its groups) per account. */
  private void identityCenter(ObjectNode item, Kind kind, View view, String owner, List<Map<String, Object>> policies,
      List<Map<String, Object>> memberships) {
    String storeId = item.path("identityStoreId").asText();
    String own = item.path(kind == Kind.IDC_USER ? "userId" : "groupId").asText();
    var principals = new java.util.HashSet<String>(Set.of(own));
    if (kind == Kind.IDC_USER) {
      inventory.items(view, List.of(Kind.IDC_GROUP), List.of(owner), s -> {
        for (JsonNode m : s.item().data().path("members")) {
          if (m.asText().equals(own) && storeId.equals(s.item().data().path("identityStoreId").asText())) {
            memberships.add(membership("idc-group", s.item().name(), s.item().id()));
            principals.add(s.item().data().path("groupId").asText());
          }
        }
      });
    } else {
      var members = new ArrayList<String>();
      item.path("members").forEach(m -> members.add(storeId + "/" + m.asText()));
      var users = ItemPages.find(inventory, view, List.of(Kind.IDC_USER), owner, members, List.of());
      var list = new ArrayList<Map<String, Object>>();
      users.forEach(u -> list.add(membership("idc-user", u.path("userName").asText(), u.path("id").asText())));
      memberships.addAll(list);
    }
    var sets = new LinkedHashMap<String, List<String>>();
    inventory.items(view, List.of(Kind.ACCOUNT_ASSIGNMENT), List.of(owner), s -> {
      var d = s.item().data();
      if (principals.contains(d.path("principalId").asText())) {
        sets.computeIfAbsent(d.path("permissionSetArn").asText(), k -> new ArrayList<>())
            .add(d.path("accountId").asText() + (d.path("principalId").asText().equals(own) ? "" : " (through group)"));
      }
    });
    var documents = new LinkedHashMap<String, ObjectNode>();
    for (ObjectNode ps : ItemPages.find(inventory, view, List.of(Kind.PERMISSION_SET), owner, sets.keySet(), List.of())) {
      documents.put(ps.path("id").asText(), ps);
    }
    sets.forEach((arn, accounts) -> {
      var ps = documents.get(arn);
      var m = policy(ps == null ? arn : ps.path("name").asText(arn), "permission-set", arn,
          ps == null ? null : ps.get("inlinePolicy"));
      if (ps != null) {
        m.put("managedPolicies", ps.get("awsManagedPolicies"));
      }
      m.put("accounts", accounts);
      policies.add(m);
    });
  }

  /** As GET /v1/access/reach answers for the principal (IAM users and roles, Identity Center users); else null. */
  private Object reaches(Kind kind, ObjectNode item) {
    String ref = switch (kind) {
      case USER, ROLE -> item.path("id").asText();
      case IDC_USER -> "idc:" + item.path("identityStoreId").asText() + "/" + item.path("userName").asText();
      default -> null;
    };
    if (ref == null) {
      return null;
    }
    try {
      return access.graph().reach(AccessInput.principal("principal", ref)).json();
    } catch (UsageException e) {
      return null; // not a node of the graph (say, an Identity Center user with no assignment)
    }
  }

  private List<Map<String, Object>> reachedBy(Kind kind, String id) {
    if (kind != Kind.ROLE && kind != Kind.USER) {
      return List.of();
    }
    var out = new ArrayList<Map<String, Object>>();
    for (var reach : access.graph().reachedBy(id)) {
      var m = new LinkedHashMap<String, Object>();
      m.put("principal", reach.principal());
      m.put("kind", reach.kind());
      m.put("name", reach.name());
      m.put("level", reach.level() == null ? null : reach.level().id());
      m.put("path", reach.path().stream().map(Hop::json).toList());
      out.add(m);
    }
    return out;
  }

  /** The open findings on this principal (by its ARN, or its user name where a rule names it so). */
  private List<Map<String, Object>> findings(String account, String arn, String userName) {
    var report = FindingsReport.of(inventory, new FindingsReport.Query(null, Set.of(), Set.of(), List.of(account),
        Set.of("open", FindingsReport.SUPPRESSED), null, FindingsReport.DEFAULT_MAX_AGE, clock.instant(),
        suppressions));
    return report.findings().stream().filter(e -> e.finding().principal().equals(arn)
        || (userName != null && e.finding().principal().equals(userName))).map(FindingsReport.Entry::json).toList();
  }
}
