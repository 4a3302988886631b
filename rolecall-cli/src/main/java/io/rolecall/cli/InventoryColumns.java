package io.rolecall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.inventory.Item;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.TrailEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The columns `inventory list` shows for each kind in a table or CSV (JSON carries every field). */
final class InventoryColumns {
  private InventoryColumns() {}

  record Column<T>(String header, Function<T, String> value) {}

  static List<Column<Item>> forKind(Kind kind) {
    var c = new ArrayList<Column<Item>>();
    c.add(new Column<>("account", Item::accountId));
    if (!kind.id().equals("account") && !isIam(kind)) {
      c.add(new Column<>("region", Item::region));
    }
    switch (kind) {
      case USER -> {
        c.add(col("name", "/userName"));
        c.add(new Column<>("arn", Item::id));
        c.add(col("created", "/createDate"));
        c.add(col("console", "/passwordEnabled"));
        c.add(col("mfa", "/mfaActive"));
        c.add(new Column<>("groups", i -> join(i.data().get("groups"))));
      }
      case GROUP -> {
        c.add(col("name", "/groupName"));
        c.add(new Column<>("arn", Item::id));
        c.add(new Column<>("policies", i -> names(i.data())));
      }
      case ROLE -> {
        c.add(col("name", "/roleName"));
        c.add(new Column<>("arn", Item::id));
        c.add(new Column<>("trusts", i -> trusts(i.data().get("trustPolicy"))));
        c.add(new Column<>("policies", i -> names(i.data())));
      }
      case LOCAL_POLICY, AWS_POLICY -> {
        c.add(new Column<>("scope", i -> i.kind() == Kind.AWS_POLICY ? "aws" : "local"));
        c.add(col("name", "/policyName"));
        c.add(new Column<>("arn", Item::id));
        c.add(col("attachments", "/attachmentCount"));
      }
      case ACCESS_KEY -> {
        c.add(col("user", "/userName"));
        c.add(new Column<>("key", Item::id));
        c.add(col("status", "/status"));
        c.add(col("created", "/createDate"));
        c.add(col("lastUsed", "/lastUsedDate"));
        c.add(col("service", "/lastUsedService"));
      }
      case MFA_DEVICE -> {
        c.add(col("user", "/userName"));
        c.add(new Column<>("serial", Item::id));
        c.add(col("enabled", "/enableDate"));
        c.add(col("virtual", "/virtual"));
      }
      case ACCOUNT -> {
        c.add(col("rootMfa", "/rootMfaActive"));
        c.add(col("rootKeys", "/rootActiveAccessKeys"));
        c.add(col("minPasswordLength", "/passwordPolicy/minimumPasswordLength"));
        c.add(col("passwordReuse", "/passwordPolicy/passwordReusePrevention"));
      }
      case INSTANCE -> {
        c.add(new Column<>("id", Item::id));
        c.add(new Column<>("name", Item::name));
        c.add(col("state", "/state"));
        c.add(col("type", "/instanceType"));
        c.add(col("vpc", "/vpcId"));
        c.add(col("subnet", "/subnetId"));
        c.add(col("privateIp", "/privateIpAddress"));
        c.add(col("launched", "/launchTime"));
      }
      case VPC -> {
        c.add(new Column<>("id", Item::id));
        c.add(new Column<>("name", Item::name));
        c.add(col("cidr", "/cidrBlock"));
        c.add(col("default", "/isDefault"));
      }
      case SUBNET -> {
        c.add(new Column<>("id", Item::id));
        c.add(col("vpc", "/vpcId"));
        c.add(col("cidr", "/cidrBlock"));
        c.add(col("zone", "/availabilityZone"));
      }
      case SECURITY_GROUP -> {
        c.add(new Column<>("id", Item::id));
        c.add(new Column<>("name", Item::name));
        c.add(col("vpc", "/vpcId"));
        c.add(new Column<>("ingress", i -> ingress(i.data().get("ingress"))));
      }
      case NETWORK_INTERFACE -> {
        c.add(new Column<>("id", Item::id));
        c.add(col("subnet", "/subnetId"));
        c.add(col("privateIp", "/privateIpAddress"));
        c.add(col("status", "/status"));
        c.add(col("instance", "/instanceId"));
      }
      case IDC_INSTANCE -> {
        c.add(new Column<>("instance", Item::id));
        c.add(col("identityStore", "/identityStoreId"));
        c.add(col("status", "/status"));
      }
      case IDC_USER -> {
        c.add(col("name", "/userName"));
        c.add(col("displayName", "/displayName"));
        c.add(new Column<>("emails", i -> join(i.data().get("emails"))));
        c.add(col("userId", "/userId"));
      }
      case IDC_GROUP -> {
        c.add(col("name", "/displayName"));
        c.add(col("groupId", "/groupId"));
        c.add(new Column<>("members", i -> String.valueOf(i.data().path("members").size())));
      }
      case PERMISSION_SET -> {
        c.add(col("name", "/name"));
        c.add(new Column<>("arn", Item::id));
        c.add(new Column<>("awsManaged", i -> join(i.data().get("awsManagedPolicies"))));
        c.add(new Column<>("customer", i -> String.valueOf(i.data().path("customerManagedPolicies").size())));
        c.add(new Column<>("inline", i -> String.valueOf(i.data().hasNonNull("inlinePolicy"))));
        c.add(new Column<>("boundary", i -> String.valueOf(i.data().hasNonNull("permissionsBoundary"))));
        c.add(new Column<>("provisionedTo", i -> String.valueOf(i.data().path("provisionedAccounts").size())));
      }
      case ACCOUNT_ASSIGNMENT -> {
        c.add(col("assignedIn", "/accountId"));
        c.add(col("principalType", "/principalType"));
        c.add(col("principalId", "/principalId"));
        c.add(col("permissionSet", "/permissionSetArn"));
      }
      case SCP -> {
        c.add(new Column<>("policyId", Item::id));
        c.add(new Column<>("name", Item::name));
        c.add(new Column<>("targets", i -> join(i.data().get("targets"))));
        c.add(new Column<>("appliesTo", i -> String.valueOf(i.data().path("appliesTo").size())));
      }
      case ORGANIZATION -> {
        c.add(col("inOrganization", "/inOrganization"));
        c.add(new Column<>("accounts", i -> String.valueOf(i.data().path("paths").size())));
      }
    }
    return c;
  }

  static final List<Column<TrailEvent>> EVENTS = List.of(
      new Column<>("account", TrailEvent::accountId),
      new Column<>("region", TrailEvent::region),
      new Column<>("time", e -> e.eventTime().toString()),
      new Column<>("event", TrailEvent::eventName),
      new Column<>("source", TrailEvent::eventSource),
      new Column<>("user", TrailEvent::username),
      new Column<>("readOnly", e -> e.readOnly() == null ? "" : e.readOnly().toString()),
      new Column<>("id", TrailEvent::eventId));

  private static boolean isIam(Kind kind) {
    return switch (kind) {
      case USER, GROUP, ROLE, LOCAL_POLICY, AWS_POLICY, ACCESS_KEY, MFA_DEVICE -> true;
      default -> false;
    };
  }

  private static Column<Item> col(String header, String pointer) {
    return new Column<>(header, i -> {
      JsonNode n = i.data().at(pointer);
      return n.isMissingNode() || n.isNull() ? "" : n.asText();
    });
  }

  private static String join(JsonNode array) {
    var out = new ArrayList<String>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return String.join(" ", out);
  }

  private static String names(JsonNode data) {
    var out = new ArrayList<String>();
    data.path("attachedPolicies").forEach(p -> out.add(p.path("policyName").asText()));
    data.path("inlinePolicies").forEach(p -> out.add(p.path("policyName").asText() + " (inline)"));
    return String.join(" ", out);
  }

  private static String trusts(JsonNode policy) {
    var out = new ArrayList<String>();
    if (policy != null) {
      var statements = policy.path("Statement");
      (statements.isArray() ? statements : List.of(statements)).forEach(st -> {
        JsonNode p = st.path("Principal");
        if (p.isTextual()) {
          out.add(p.asText());
        } else {
          p.properties().forEach(e -> (e.getValue().isArray() ? e.getValue() : List.of(e.getValue()))
              .forEach(v -> out.add(v.asText())));
        }
      });
    }
    return String.join(" ", out);
  }

  private static String ingress(JsonNode rules) {
    var out = new ArrayList<String>();
    if (rules != null) {
      rules.forEach(r -> {
        String proto = r.path("protocol").asText();
        String ports = proto.equals("-1") ? "all" : proto + ":" + r.path("fromPort").asText()
            + (r.path("fromPort").asText().equals(r.path("toPort").asText()) ? "" : "-" + r.path("toPort").asText());
        r.path("cidrs").forEach(cidr -> out.add(ports + " from " + cidr.asText()));
      });
    }
    return String.join(", ", out);
  }
}
