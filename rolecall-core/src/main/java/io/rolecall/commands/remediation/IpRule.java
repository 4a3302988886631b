package io.rolecall.commands.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.command.Arguments;
import io.rolecall.render.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;

/**
 * One security group rule as EC2 stores it: a protocol, a port range and one CIDR (a permission with several
 * ranges is several rules). Shown as {@code tcp 22 from 0.0.0.0/0}, {@code tcp 80-443 from ::/0},
 * {@code all traffic from 0.0.0.0/0}. Protocols are kept as EC2 answers them: tcp, udp, icmp, icmpv6 by name, a
 * number otherwise, -1 for all.
 */
record IpRule(String protocol, int fromPort, int toPort, String cidr) {
  static final Pattern IPV4_CIDR = Pattern.compile(
      "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(3[0-2]|[12]?\\d)");
  static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*/(12[0-8]|1[01]\\d|[1-9]?\\d)");
  static final String PROTOCOL_FORM = "tcp, udp, icmp, icmpv6, -1 (all) or a protocol number 0 to 255";

  IpRule {
    protocol = normal(protocol);
    if (protocol.equals("-1")) {
      fromPort = -1;
      toPort = -1;
    }
  }

  boolean ipv6() {
    return cidr.contains(":");
  }

  /** Whether the rule lets in TCP traffic to {@code port} (all traffic does). */
  boolean admits(int port) {
    return protocol.equals("-1") || protocol.equals("tcp") && fromPort <= port && port <= toPort;
  }

  @Override
  public String toString() {
    if (protocol.equals("-1")) {
      return "all traffic from " + cidr;
    }
    String ports = fromPort == toPort ? String.valueOf(fromPort) : fromPort + "-" + toPort;
    return protocol + " " + ports + " from " + cidr;
  }

  /** EC2's names for the protocols it names; "all" and -1 are all traffic; other numbers stay numbers. */
  static String normal(String p) {
    return switch (p.trim().toLowerCase(Locale.ROOT)) {
      case "6" -> "tcp";
      case "17" -> "udp";
      case "1" -> "icmp";
      case "58" -> "icmpv6";
      case "all", "-1" -> "-1";
      default -> p.trim().toLowerCase(Locale.ROOT);
    };
  }

  static boolean validProtocol(String p) {
    String n = normal(p);
    return List.of("tcp", "udp", "icmp", "icmpv6", "-1").contains(n) || n.matches("\\d{1,3}") && Integer.parseInt(n) <= 255;
  }

  /** The rules of EC2's permissions, one per range. */
  static List<IpRule> of(List<IpPermission> permissions) {
    var out = new ArrayList<IpRule>();
    for (var p : permissions) {
      int from = p.fromPort() == null ? -1 : p.fromPort();
      int to = p.toPort() == null ? -1 : p.toPort();
      p.ipRanges().forEach(r -> out.add(new IpRule(p.ipProtocol(), from, to, r.cidrIp())));
      p.ipv6Ranges().forEach(r -> out.add(new IpRule(p.ipProtocol(), from, to, r.cidrIpv6())));
    }
    return out;
  }

  /** The rule as the permission EC2's Revoke calls take. */
  IpPermission permission() {
    var b = IpPermission.builder().ipProtocol(protocol);
    if (!protocol.equals("-1")) {
      b.fromPort(fromPort).toPort(toPort);
    }
    return ipv6() ? b.ipv6Ranges(Ipv6Range.builder().cidrIpv6(cidr).build()).build()
        : b.ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
  }

  /**
   * The rules the arguments name: protocol, port (upstream's "22" or "80-443") or from_port/to_port, and cidr; or
   * ip_permissions, EC2's JSON (a permission or a list of them, with IpProtocol, FromPort, ToPort, IpRanges[].CidrIp,
   * Ipv6Ranges[].CidrIpv6). Every mistake is a {@link UsageException} of one line naming the argument.
   */
  static List<IpRule> fromArguments(String command, Arguments args) {
    boolean simple = args.has("protocol") || args.has("port") || args.has("from_port") || args.has("to_port")
        || args.has("cidr");
    if (args.has("ip_permissions")) {
      if (simple) {
        throw new UsageException(command + ": give either ip_permissions or protocol/port/cidr, not both");
      }
      return fromJson(command, args.string("ip_permissions"));
    }
    if (!args.has("protocol") || !args.has("cidr")) {
      throw new UsageException(command + ": give protocol and cidr (with port, or from_port and to_port), or"
          + " ip_permissions");
    }
    String protocol = args.string("protocol");
    if (!validProtocol(protocol)) {
      throw new UsageException(command + ": argument 'protocol': expected " + PROTOCOL_FORM + ", got " + Shown.quoted(protocol));
    }
    String cidr = args.string("cidr");
    if (!IPV4_CIDR.matcher(cidr).matches() && !IPV6_CIDR.matcher(cidr).matches()) {
      throw new UsageException(command + ": argument 'cidr': expected an IPv4 or IPv6 CIDR such as 0.0.0.0/0 or ::/0,"
          + " got " + Shown.quoted(cidr));
    }
    if (args.has("port") && (args.has("from_port") || args.has("to_port"))) {
      throw new UsageException(command + ": give port or from_port and to_port, not both");
    }
    int from;
    int to;
    if (args.has("port")) {
      String port = args.string("port");
      var m = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?").matcher(port);
      if (!m.matches()) {
        throw new UsageException(command + ": argument 'port': expected a port or a range such as 22 or 80-443, got '"
            + port + "'");
      }
      from = Integer.parseInt(m.group(1));
      to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
    } else {
      from = args.has("from_port") ? Math.toIntExact(args.integer("from_port")) : -1;
      to = args.has("to_port") ? Math.toIntExact(args.integer("to_port")) : from;
      if (args.has("to_port") && !args.has("from_port")) {
        from = to;
      }
    }
    return List.of(checked(command, new IpRule(protocol, from, to, cidr), "port"));
  }

  private static IpRule checked(String command, IpRule rule, String what) {
    if (rule.protocol().equals("-1")) {
      return rule;
    }
    boolean ports = rule.protocol().equals("tcp") || rule.protocol().equals("udp");
    if (ports && (rule.fromPort() < 0 || rule.toPort() < 0)) {
      throw new UsageException(command + ": " + rule.protocol() + " needs a " + what + " (0 to 65535)");
    }
    for (int p : new int[] {rule.fromPort(), rule.toPort()}) {
      if (p > 65535 || p < -1 || ports && p < 0) {
        throw new UsageException(command + ": " + what + " " + p + " is outside 0 to 65535");
      }
    }
    if (ports && rule.fromPort() > rule.toPort()) {
      throw new UsageException(command + ": from_port " + rule.fromPort() + " is greater than to_port "
          + rule.toPort());
    }
    return rule;
  }

  private static List<IpRule> fromJson(String command, String text) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new UsageException(command + ": argument 'ip_permissions': not valid JSON (at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
    if (root == null || !(root.isArray() || root.isObject())) {
      throw new UsageException(command + ": argument 'ip_permissions': expected a JSON list of permissions");
    }
    var out = new ArrayList<IpRule>();
    for (JsonNode p : root.isArray() ? root : List.of(root)) {
      if (!p.isObject() || !p.path("IpProtocol").isTextual() && !p.path("IpProtocol").isNumber()) {
        throw new UsageException(command + ": argument 'ip_permissions': each permission needs an IpProtocol");
      }
      String protocol = p.get("IpProtocol").asText();
      if (!validProtocol(protocol)) {
        throw new UsageException(command + ": argument 'ip_permissions': IpProtocol: expected " + PROTOCOL_FORM
            + ", got " + Shown.quoted(protocol));
      }
      int from = port(command, p, "FromPort");
      int to = p.has("ToPort") ? port(command, p, "ToPort") : from;
      var cidrs = new ArrayList<String>();
      p.path("IpRanges").forEach(r -> cidrs.add(r.path("CidrIp").asText()));
      p.path("Ipv6Ranges").forEach(r -> cidrs.add(r.path("CidrIpv6").asText()));
      if (cidrs.isEmpty()) {
        throw new UsageException(command + ": argument 'ip_permissions': each permission needs IpRanges or"
            + " Ipv6Ranges (rules naming groups or prefix lists are not revoked by rolecall)");
      }
      for (String cidr : cidrs) {
        if (!IPV4_CIDR.matcher(cidr).matches() && !IPV6_CIDR.matcher(cidr).matches()) {
          throw new UsageException(command + ": argument 'ip_permissions': not a CIDR: " + Shown.quoted(cidr));
        }
        out.add(checked(command, new IpRule(protocol, from, to, cidr), "ip_permissions port"));
      }
    }
    if (out.isEmpty()) {
      throw new UsageException(command + ": argument 'ip_permissions': no permission given");
    }
    return out;
  }

  private static int port(String command, JsonNode p, String field) {
    if (!p.has(field)) {
      return -1;
    }
    JsonNode v = p.get(field);
    if (!v.canConvertToInt()) {
      throw new UsageException(command + ": argument 'ip_permissions': " + field + " must be a whole number");
    }
    return v.asInt();
  }
}
