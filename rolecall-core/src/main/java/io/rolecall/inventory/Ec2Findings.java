package io.rolecall.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.inventory.Finding.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The asset rules of one account's EC2 in one region:
 * <ul>
 *   <li>a security group admitting the internet (0.0.0.0/0 or ::/0) on an admin port (SSH 22, RDP 3389) or a
 *       database port (1433 SQL Server, 1521 Oracle, 3306 MySQL, 5432 PostgreSQL, 6379 Redis, 27017 MongoDB), or on
 *       every port (protocol -1, or TCP 0-65535): one finding per rule, whose principal is the group's ARN followed by
 *       the rule, {@code arn:aws:ec2:REGION:ACCOUNT:security-group/sg-... (tcp 22 from 0.0.0.0/0)}, so its fix can
 *       revoke exactly that rule;</li>
 *   <li>an instance (not terminated) answering IMDSv1 (HttpTokens optional);</li>
 * </ul>
 * and of its snapshots part: an EBS snapshot or AMI the account owns that is public (shared with the group all).
 */
final class Ec2Findings {
  /** The admin and database ports, and what listens there, as the evidence names them. */
  static final Map<Integer, String> PORTS = new java.util.TreeMap<>(Map.of(22, "SSH", 3389, "RDP", 1433, "SQL Server",
      1521, "Oracle", 3306, "MySQL", 5432, "PostgreSQL", 6379, "Redis", 27017, "MongoDB"));
  static final List<String> INTERNET = List.of("0.0.0.0/0", "::/0");

  private Ec2Findings() {}

  static List<Finding> ec2(String accountId, String region, List<Item> items) {
    var out = new ArrayList<Finding>();
    for (Item i : items) {
      switch (i.kind()) {
        case SECURITY_GROUP -> group(accountId, region, i, out);
        case INSTANCE -> {
          JsonNode d = i.data();
          String state = d.path("state").asText("");
          if ("optional".equals(d.path("httpTokens").asText()) && !state.equals("terminated")
              && !state.equals("shutting-down")) {
            out.add(new Finding(accountId, arn(region, accountId, "instance/" + i.id()), Rule.INSTANCE_IMDSV1,
                "HttpTokens optional: the metadata service answers IMDSv1 requests without a session token"));
          }
        }
        default -> { }
      }
    }
    return out;
  }

  private static void group(String accountId, String region, Item g, List<Finding> out) {
    for (JsonNode p : g.data().path("ingress")) {
      String protocol = p.path("protocol").asText();
      int from = p.path("fromPort").isNumber() ? p.path("fromPort").asInt() : -1;
      int to = p.path("toPort").isNumber() ? p.path("toPort").asInt() : -1;
      var cidrs = new ArrayList<String>();
      p.path("cidrs").forEach(c -> cidrs.add(c.asText()));
      p.path("ipv6Cidrs").forEach(c -> cidrs.add(c.asText()));
      for (String cidr : cidrs) {
        if (!INTERNET.contains(cidr)) {
          continue;
        }
        boolean all = protocol.equals("-1") || protocol.equals("tcp") && from <= 0 && to >= 65535;
        String rule = protocol.equals("-1") ? "all traffic from " + cidr
            : protocol + " " + (from == to ? String.valueOf(from) : from + "-" + to) + " from " + cidr;
        String principal = arn(region, accountId, "security-group/" + g.id()) + " (" + rule + ")";
        if (all) {
          out.add(new Finding(accountId, principal, Rule.SECURITY_GROUP_ALL_PORTS_OPEN, "every port open to " + cidr
              + " (the internet) in " + g.id() + " (" + g.name() + ")"));
        } else if (protocol.equals("tcp")) {
          var open = PORTS.entrySet().stream().filter(e -> from <= e.getKey() && e.getKey() <= to)
              .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
          if (!open.isEmpty()) {
            out.add(new Finding(accountId, principal, Rule.SECURITY_GROUP_ADMIN_PORT_OPEN, "tcp " + String.join(", ",
                open) + " open to " + cidr + " (the internet) in " + g.id() + " (" + g.name() + ")"));
          }
        }
      }
    }
  }

  static List<Finding> snapshots(String accountId, String region, List<Item> items) {
    var out = new ArrayList<Finding>();
    for (Item i : items) {
      if (!i.data().path("public").asBoolean(false)) {
        continue;
      }
      if (i.kind() == Kind.SNAPSHOT) {
        out.add(new Finding(accountId, arn(region, "", "snapshot/" + i.id()), Rule.PUBLIC_SNAPSHOT,
            "create-volume permission granted to all: any AWS account can copy the volume's data"));
      } else if (i.kind() == Kind.IMAGE) {
        out.add(new Finding(accountId, arn(region, "", "image/" + i.id()), Rule.PUBLIC_IMAGE,
            "launch permission granted to all: any AWS account can launch it and read its volumes"));
      }
    }
    return out;
  }

  /** An EC2 ARN; snapshots' and images' ARNs name no account (AWS's form). */
  private static String arn(String region, String accountId, String resource) {
    return "arn:aws:ec2:" + region + ":" + accountId + ":" + resource;
  }
}
