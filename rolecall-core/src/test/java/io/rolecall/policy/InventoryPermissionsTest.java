package io.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The inventory's permission list is held to the collectors' sources: every action a collector names in its calls
 * ("service:Action" strings), and every SDK call the collectors make (the client method, as IAM spells it), is in
 * the list; the list names nothing they do not call. (InventoryPermissionsCliTest checks the same against a full
 * sync's calls on the emulator.)
 */
class InventoryPermissionsTest {
  static final Path INVENTORY = Path.of("src", "main", "java", "io", "rolecall", "inventory");
  static final Pattern NAMED = Pattern.compile("\"([a-z0-9]+:[A-Z][A-Za-z]+)[\" ]");
  static final Pattern SDK_CALL = Pattern.compile(
      "\\b(iam|ec2|trail|org|sso|store|ssoAdmin\\(\\)|identityStore\\(\\))\\s*\\.\\s*((?:list|describe|get|generate|lookup)[A-Z][A-Za-z]+?)(?:Paginator)?\\(");

  @Test
  void everyCallTheCollectorsMakeIsListedAndNothingElse() throws Exception {
    var called = new TreeSet<String>();
    try (var files = Files.list(INVENTORY)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String source = Files.readString(f);
        var named = NAMED.matcher(source);
        while (named.find()) {
          called.add(InventoryPermissions.iamAction(named.group(1)));
        }
        var sdk = SDK_CALL.matcher(source);
        while (sdk.find()) {
          String service = switch (sdk.group(1)) {
            case "trail" -> "cloudtrail";
            case "org" -> "organizations";
            case "sso", "ssoAdmin()" -> "sso";
            case "store", "identityStore()" -> "identitystore";
            default -> sdk.group(1);
          };
          String method = sdk.group(2);
          if (service.equals("identitystore") && !method.startsWith("list")) {
            continue; // the inventory's own store object, not the AWS client
          }
          called.add(InventoryPermissions.iamAction(service + ":" + Character.toUpperCase(method.charAt(0))
              + method.substring(1)));
        }
      }
    }
    called.removeIf(a -> a.startsWith("identitystore:") && !a.matches("identitystore:List(Users|Groups|GroupMemberships)"));
    // The sync names the syncing identity's own call (listing the organization) in its notices: the engine's
    // policy carries it, not the roles'.
    called.removeAll(InventoryPermissions.ENGINE);
    assertThat(called).as("the collectors' calls").isNotEmpty();
    assertThat(InventoryPermissions.all()).containsAll(called);
    assertThat(called).containsAll(InventoryPermissions.all());
    assertThat(InventoryPermissions.all()).doesNotHaveDuplicates();
  }
}
