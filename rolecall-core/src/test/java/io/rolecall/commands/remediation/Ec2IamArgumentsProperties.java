package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.command.Arguments;
import io.rolecall.commands.Commands;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Bad input to the EC2 and IAM remediation commands is refused as the executor refuses it, before any credential
 * or call (argument types, then the command's own checks): one line, a usage error (exit 2). Good input passes.
 */
class Ec2IamArgumentsProperties {
  static final String REVOKE = "aws-ec2-security-group-ingress-revoke";
  static final String GROUP = "sg-0123456789abcdef0";

  /** What CommandExecutor.execute does first: parse by the declaration, then the command's validate. */
  static void check(String command, Map<String, String> raw) {
    var c = Commands.registry().require(command);
    c.validate(Arguments.parse(c.spec(), raw));
  }

  static void refused(String command, Map<String, String> raw) {
    assertThatThrownBy(() -> check(command, raw)).isInstanceOf(UsageException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").startsWith(command + ": "));
  }

  static Map<String, String> rule(String protocol, String port, String cidr) {
    var m = new LinkedHashMap<String, String>();
    m.put("group_id", GROUP);
    m.put("protocol", protocol);
    if (port != null) {
      m.put("port", port);
    }
    m.put("cidr", cidr);
    return m;
  }

  @Property
  void portsInRangeInOrderPass(@ForAll @IntRange(min = 0, max = 65535) int a, @ForAll @IntRange(min = 0, max = 65535) int b) {
    int from = Math.min(a, b);
    int to = Math.max(a, b);
    check(REVOKE, rule("tcp", from + "-" + to, "0.0.0.0/0"));
    var m = rule("udp", null, "::/0");
    m.put("from_port", String.valueOf(from));
    m.put("to_port", String.valueOf(to));
    check(REVOKE, m);
  }

  @Property
  void portsOutsideTheRangeAreRefused(@ForAll @IntRange(min = 65536, max = 999_999) int port) {
    refused(REVOKE, rule("tcp", String.valueOf(port), "0.0.0.0/0"));
    var m = rule("tcp", null, "0.0.0.0/0");
    m.put("from_port", String.valueOf(port));
    refused(REVOKE, m);
    m.put("from_port", "-" + port);
    refused(REVOKE, m);
  }

  @Property
  void fromPortAfterToPortIsRefused(@ForAll @IntRange(min = 1, max = 65535) int from, @ForAll @IntRange(min = 0, max = 65534) int to) {
    if (from <= to) {
      return;
    }
    var m = rule("tcp", null, "0.0.0.0/0");
    m.put("from_port", String.valueOf(from));
    m.put("to_port", String.valueOf(to));
    assertThatThrownBy(() -> check(REVOKE, m)).isInstanceOf(UsageException.class)
        .hasMessage(REVOKE + ": from_port " + from + " is greater than to_port " + to);
    refused(REVOKE, rule("tcp", from + "-" + to, "0.0.0.0/0"));
  }

  @Provide
  Arbitrary<String> notJson() {
    return Arbitraries.strings().ofMinLength(1).ofMaxLength(30).filter(s -> {
      try {
        var n = io.rolecall.render.Json.mapper().readTree(s);
        return n == null;
      } catch (Exception e) {
        return true;
      }
    });
  }

  @Property
  void ipPermissionsThatIsNotJsonIsRefused(@ForAll("notJson") String text) {
    refused(REVOKE, Map.of("group_id", GROUP, "ip_permissions", text));
    refused("aws-ec2-security-group-egress-revoke", Map.of("group_id", GROUP, "ip_permissions", text));
  }

  @Property
  void malformedIdsAreRefused(@ForAll @StringLength(min = 0, max = 20) String tail) {
    for (var c : new String[][] {{REVOKE, "group_id", "sg-"}, {"aws-ec2-instance-attribute-modify", "instance_id", "i-"},
        {"aws-ec2-snapshot-attribute-modify", "snapshot_id", "snap-"}, {"aws-ec2-image-attribute-modify", "image_id", "ami-"}}) {
      String id = c[2] + tail;
      if (id.matches(c[2] + "([0-9a-f]{8}|[0-9a-f]{17})")) {
        continue;
      }
      var m = new LinkedHashMap<String, String>();
      m.put(c[1], id);
      refused(c[0], m);
    }
  }

  @Property
  void accessKeyIdsMustBeAkiaOrAsiaAndSixteenMore(@ForAll @StringLength(min = 0, max = 24) String id) {
    var m = Map.of("access_key_id", id, "status", "Inactive");
    if (id.matches("(AKIA|ASIA)[A-Z0-9]{16}")) {
      check("aws-iam-access-key-update", m);
    } else {
      refused("aws-iam-access-key-update", m);
    }
  }

  @Property
  void wellFormedKeysPass(@ForAll("keys") String id) {
    check("aws-iam-access-key-update", Map.of("access_key_id", id, "status", "Active"));
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.of("AKIA", "ASIA").flatMap(p -> Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        .ofLength(16).map(s -> p + s));
  }

  @Property
  void protocolsOutsideEc2sAreRefused(@ForAll @StringLength(min = 1, max = 8) String protocol) {
    boolean valid = IpRule.validProtocol(protocol);
    if (valid) {
      return;
    }
    refused(REVOKE, rule(protocol, "22", "0.0.0.0/0"));
  }
}
