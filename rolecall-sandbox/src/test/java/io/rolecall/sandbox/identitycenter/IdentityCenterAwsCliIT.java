package io.rolecall.sandbox.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.external.AwsCli;
import io.rolecall.sandbox.service.identitystore.IdentityStore;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS CLI (botocore: a client nobody here wrote) against the sandbox's Identity Store and SSO Admin. */
class IdentityCenterAwsCliIT {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
  final IdentityStore store = sb.account("111111111111").identityCenter().createInstance();

  record Result(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return new ObjectMapper().readTree(out);
    }
  }

  @BeforeAll
  static void requireCli() {
    boolean found = AwsCli.installed();
    if (!found) System.err.println("IdentityCenterAwsCliIT skipped: the AWS CLI ('aws') is not on PATH");
    Assumptions.assumeTrue(found, "the AWS CLI ('aws') is not on PATH");
  }

  @AfterEach
  void close() {
    sb.close();
  }

  Result aws(String... args) {
    var env = new HashMap<>(ops.env());
    env.put("AWS_MAX_ATTEMPTS", "1");
    var r = AwsCli.run(sb.endpoint(), env, args);
    return new Result(r.exit(), r.out(), r.err());
  }

  @Test
  void discoverTheStoreThenCreateAndFindAUser() throws Exception {
    var instances = aws("sso-admin", "list-instances").json().get("Instances");
    assertThat(instances).hasSize(1);
    assertThat(instances.get(0).get("IdentityStoreId").asText()).isEqualTo(store.id());

    var created = aws("identitystore", "create-user", "--identity-store-id", store.id(), "--user-name", "ann",
        "--display-name", "Ann Lee", "--name", "GivenName=Ann,FamilyName=Lee",
        "--emails", "Value=ann@example.com,Type=work,Primary=true");
    assertThat(created.exit()).as(created.err()).isZero();
    String userId = created.json().get("UserId").asText();

    var byEmail = aws("identitystore", "get-user-id", "--identity-store-id", store.id(), "--alternate-identifier",
        "{\"UniqueAttribute\":{\"AttributePath\":\"emails.value\",\"AttributeValue\":\"ann@example.com\"}}");
    assertThat(byEmail.exit()).as(byEmail.err()).isZero();
    assertThat(byEmail.json().get("UserId").asText()).isEqualTo(userId);

    var described = aws("identitystore", "describe-user", "--identity-store-id", store.id(), "--user-id", userId).json();
    assertThat(described.get("UserName").asText()).isEqualTo("ann");
    assertThat(described.at("/Emails/0/Value").asText()).isEqualTo("ann@example.com");
  }

  @Test
  void errorsRenderAsTheCliExpects() throws Exception {
    var missing = aws("identitystore", "get-user-id", "--identity-store-id", store.id(), "--alternate-identifier",
        "{\"UniqueAttribute\":{\"AttributePath\":\"userName\",\"AttributeValue\":\"nobody\"}}");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err()).contains("An error occurred (ResourceNotFoundException) when calling the GetUserId operation:"
        + " USER not found.");
    store.createGroup("Engineers");
    var duplicate = aws("identitystore", "create-group", "--identity-store-id", store.id(), "--display-name", "Engineers");
    assertThat(duplicate.err()).contains("(ConflictException)", "Duplicate GroupDisplayName");
  }

  @Test
  void theCliFollowsNextTokensAcrossPages() throws Exception {
    store.seedUsers("user", 120);
    // The CLI pages by itself; a page size below the total makes it follow NextToken twice.
    var all = aws("identitystore", "list-users", "--identity-store-id", store.id(), "--page-size", "50");
    assertThat(all.exit()).as(all.err()).isZero();
    assertThat(all.json().get("Users")).hasSize(120);
    assertThat(sb.calls().count("identitystore", "ListUsers")).isEqualTo(3);
  }
}
