package io.rolecall.cli.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.cli.CliRun;
import io.rolecall.sandbox.service.identitystore.StoreGroup;
import io.rolecall.sandbox.service.identitystore.StoreUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The human-readable table of every Identity Center command, compared with a golden file under
 * src/test/resources/golden/identitycenter. The sandbox's store has a fixed id, so user, group and membership ids
 * repeat run to run; only page tokens (random per sandbox) are masked. After an intended change of output,
 * regenerate the files and review the diff:
 * <pre>ROLECALL_UPDATE_GOLDEN=1 ./mvnw -B -q -pl rolecall-cli -am test -Dtest=IdentityCenterGoldenTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class IdentityCenterGoldenTest {
  static final Path DIR = Path.of("src/test/resources/golden/identitycenter");

  final SandboxIdentityCenter ic = new SandboxIdentityCenter();
  final StoreUser ann = ic.store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
  final StoreGroup engineers = ic.store.createGroup("Engineers", "People who build");
  final StoreGroup oncall = ic.store.createGroup("On-call", null);

  @AfterEach
  void close() {
    ic.close();
  }

  void golden(String command, String... args) throws IOException {
    var all = new String[args.length + 1];
    all[0] = "aws-iam-identitycenter-" + command;
    System.arraycopy(args, 0, all, 1, args.length);
    CliRun r = ic.run(all);
    assertThat(r.exit()).as(r.err()).isZero();
    String actual = r.out().replaceAll("nextToken=\\S+ ", "nextToken=<token> ");
    Path file = DIR.resolve(command + ".txt");
    if ("1".equals(System.getenv("ROLECALL_UPDATE_GOLDEN"))) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual);
    }
    assertThat(file).as("golden file %s (regenerate: see this class's comment)", file).exists();
    assertThat(actual).as("output of %s differs from %s", command, file).isEqualTo(Files.readString(file));
  }

  @Test
  void createUser() throws IOException {
    golden("create-user", "userName=bob", "familyName=Ray", "givenName=Bob", "userEmailAddress=bob@example.com",
        "displayName=Bob Ray", "title=Engineer");
  }

  @Test
  void getUser() throws IOException {
    golden("get-user", "userName=ann");
  }

  @Test
  void getUserByEmail() throws IOException {
    golden("get-user-by-email", "emailAddress=ann@example.com");
  }

  @Test
  void listUsers() throws IOException {
    ic.store.seedUsers("user", 3);
    golden("list-users", "limit=3");
  }

  @Test
  void updateUser() throws IOException {
    golden("update-user", "userName=ann", "displayName=Ann Smith", "familyName=Smith");
  }

  @Test
  void deleteUser() throws IOException {
    golden("delete-user", "userName=ann");
  }

  @Test
  void createGroup() throws IOException {
    golden("create-group", "displayName=Auditors", "description=Read-only reviewers");
  }

  @Test
  void getGroup() throws IOException {
    golden("get-group", "groupName=Engineers");
  }

  @Test
  void listGroups() throws IOException {
    golden("list-groups");
  }

  @Test
  void updateGroup() throws IOException {
    golden("update-group", "displayName=Engineers", "description=People who build and run");
  }

  @Test
  void deleteGroup() throws IOException {
    golden("delete-group", "groupName=On-call");
  }

  @Test
  void addUserToGroup() throws IOException {
    golden("add-user-to-group", "userName=ann", "groupName=Engineers");
  }

  @Test
  void listGroupsForUser() throws IOException {
    ic.store.addMember(engineers, ann);
    ic.store.addMember(oncall, ann);
    golden("list-groups-for-user", "userName=ann");
  }

  @Test
  void listMemberships() throws IOException {
    ic.store.addMember(engineers, ann);
    ic.store.addMember(engineers, ic.store.createUser("bob", "Bob", "Ray", "Bob Ray", "bob@example.com"));
    golden("list-memberships", "groupName=Engineers");
  }

  @Test
  void removeUserFromAllGroups() throws IOException {
    ic.store.addMember(engineers, ann);
    ic.store.addMember(oncall, ann);
    golden("remove-user-from-all-groups", "userName=ann");
  }

  @Test
  void deleteGroupMembership() throws IOException {
    var first = ic.store.addMember(engineers, ann);
    var second = ic.store.addMember(oncall, ann);
    golden("delete-group-membership", "membershipId=" + first.membershipId() + "," + second.membershipId());
  }
}
