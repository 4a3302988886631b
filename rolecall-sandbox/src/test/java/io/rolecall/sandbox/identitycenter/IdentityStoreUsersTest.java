package io.rolecall.sandbox.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.service.identitystore.IdentityStore;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.CreateUserRequest;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.Filter;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;
import software.amazon.awssdk.services.identitystore.model.Name;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.identitystore.model.UniqueAttribute;
import software.amazon.awssdk.services.identitystore.model.ValidationException;

/** Identity Store users through the AWS SDK for Java: create, look up, update, delete, list and page. */
class IdentityStoreUsersTest {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
  final IdentityStore store = sb.account("111111111111").identityCenter().createInstance();
  final IdentitystoreClient ids = IdentityCenterClients.identityStore(sb, ops);

  @AfterEach
  void close() {
    ids.close();
    sb.close();
  }

  String create(String userName, String email) {
    return ids.createUser(CreateUserRequest.builder().identityStoreId(store.id()).userName(userName)
        .displayName("The " + userName).name(Name.builder().givenName("Ann").familyName("Lee").build())
        .emails(Email.builder().value(email).primary(true).type("work").build()).build()).userId();
  }

  static AlternateIdentifier unique(String path, String value) {
    return AlternateIdentifier.builder().uniqueAttribute(UniqueAttribute.builder().attributePath(path)
        .attributeValue(Document.fromString(value)).build()).build();
  }

  @Test
  void createDescribeAndLookUpByUserNameAndEmail() {
    String id = create("ann", "ann@example.com");
    assertThat(id).matches(store.id().substring(2) + "-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    var user = ids.describeUser(r -> r.identityStoreId(store.id()).userId(id));
    assertThat(user.userName()).isEqualTo("ann");
    assertThat(user.displayName()).isEqualTo("The ann");
    assertThat(user.name().givenName()).isEqualTo("Ann");
    assertThat(user.emails()).singleElement().satisfies(e -> {
      assertThat(e.value()).isEqualTo("ann@example.com");
      assertThat(e.primary()).isTrue();
    });
    assertThat(user.identityStoreId()).isEqualTo(store.id());

    assertThat(ids.getUserId(r -> r.identityStoreId(store.id()).alternateIdentifier(unique("userName", "ann"))).userId())
        .isEqualTo(id);
    assertThat(ids.getUserId(r -> r.identityStoreId(store.id())
        .alternateIdentifier(unique("emails.value", "ann@example.com"))).userId()).isEqualTo(id);
  }

  @Test
  void unknownUserIsResourceNotFoundNamingTheType() {
    assertThatThrownBy(() -> ids.getUserId(r -> r.identityStoreId(store.id()).alternateIdentifier(unique("userName", "nobody"))))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("USER not found.");
          assertThat(e.resourceType()).isEqualTo(ResourceType.USER);
          assertThat(e.statusCode()).isEqualTo(400);
        });
    assertThatThrownBy(() -> ids.describeUser(r -> r.identityStoreId(store.id())
        .userId(store.id().substring(2) + "-00000000-0000-4000-8000-000000000000")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("USER not found.");
  }

  @Test
  void onlyUserNameAndEmailAreUniqueAttributes() {
    assertThatThrownBy(() -> ids.getUserId(r -> r.identityStoreId(store.id()).alternateIdentifier(unique("displayName", "x"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("The attribute displayName is not a unique attribute");
  }

  @Test
  void duplicateUserNameOrEmailIsAConflict() {
    create("ann", "ann@example.com");
    assertThatThrownBy(() -> create("ann", "other@example.com"))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Duplicate UserName");
          assertThat(e.reasonAsString()).isEqualTo("UNIQUENESS_CONSTRAINT_VIOLATION");
        });
    assertThatThrownBy(() -> create("bob", "ann@example.com"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("Duplicate Email");
  }

  @Test
  void identityCenterRequiresNamesAndDisplayName() {
    assertThatThrownBy(() -> ids.createUser(r -> r.identityStoreId(store.id()).userName("ann")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("displayname: The attribute displayname is required, givenname: The attribute givenname is"
            + " required, familyname: The attribute familyname is required");
    assertThatThrownBy(() -> ids.createUser(r -> r.identityStoreId(store.id()).userName("has space").displayName("x")
        .name(n -> n.givenName("a").familyName("b"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Value 'has space' at 'userName' failed to satisfy");
  }

  @Test
  void updateUserAppliesAttributeOperations() {
    String id = create("ann", "ann@example.com");
    ids.updateUser(r -> r.identityStoreId(store.id()).userId(id).operations(
        op("displayName", Document.fromString("Ann Lee")),
        op("name.familyName", Document.fromString("Smith")),
        op("emails", Document.listBuilder().addDocument(Document.mapBuilder()
            .putString("value", "ann.smith@example.com").putBoolean("primary", true).build()).build()),
        op("title", Document.fromString("Engineer"))));
    var user = ids.describeUser(r -> r.identityStoreId(store.id()).userId(id));
    assertThat(user.displayName()).isEqualTo("Ann Lee");
    assertThat(user.name().familyName()).isEqualTo("Smith");
    assertThat(user.name().givenName()).isEqualTo("Ann");
    assertThat(user.emails().getFirst().value()).isEqualTo("ann.smith@example.com");
    assertThat(user.title()).isEqualTo("Engineer");
    // The old address is free again, the new one is taken.
    assertThat(ids.getUserId(r -> r.identityStoreId(store.id())
        .alternateIdentifier(unique("emails.value", "ann.smith@example.com"))).userId()).isEqualTo(id);
    assertThatThrownBy(() -> ids.getUserId(r -> r.identityStoreId(store.id())
        .alternateIdentifier(unique("emails.value", "ann@example.com")))).isInstanceOf(ResourceNotFoundException.class);

    assertThatThrownBy(() -> ids.updateUser(r -> r.identityStoreId(store.id()).userId(id)
        .operations(op("shoeSize", Document.fromString("9")))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid attribute path: shoeSize");
    String other = create("bob", "bob@example.com");
    assertThatThrownBy(() -> ids.updateUser(r -> r.identityStoreId(store.id()).userId(other)
        .operations(op("userName", Document.fromString("ann")))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("Duplicate UserName");
  }

  static AttributeOperation op(String path, Document value) {
    return AttributeOperation.builder().attributePath(path).attributeValue(value).build();
  }

  @Test
  void deleteUserThenItIsGone() {
    String id = create("ann", "ann@example.com");
    ids.deleteUser(r -> r.identityStoreId(store.id()).userId(id));
    assertThatThrownBy(() -> ids.describeUser(r -> r.identityStoreId(store.id()).userId(id)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> ids.deleteUser(r -> r.identityStoreId(store.id()).userId(id)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void listUsersPagesByMaxResultsWithOpaqueTokens() {
    store.seedUsers("user", 120);
    var first = ids.listUsers(r -> r.identityStoreId(store.id()).maxResults(50));
    assertThat(first.users()).hasSize(50);
    assertThat(first.nextToken()).matches("[-a-zA-Z0-9+=/:_]+");

    var seen = new HashSet<String>();
    var pages = ids.listUsersPaginator(r -> r.identityStoreId(store.id()).maxResults(50)).stream().toList();
    assertThat(pages).extracting(p -> p.users().size()).containsExactly(50, 50, 20);
    pages.forEach(p -> p.users().forEach(u -> seen.add(u.userName())));
    assertThat(seen).hasSize(120).contains("user001", "user120");
    assertThat(pages.getLast().nextToken()).isNull();

    ListUsersResponse unpaged = ids.listUsers(r -> r.identityStoreId(store.id()));
    assertThat(unpaged.users()).hasSize(100);
  }

  @Test
  void maxResultsOutsideOneToHundredAndForeignTokensAreRejected() {
    store.seedUsers("user", 3);
    assertThatThrownBy(() -> ids.listUsers(r -> r.identityStoreId(store.id()).maxResults(0)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1");
    assertThatThrownBy(() -> ids.listUsers(r -> r.identityStoreId(store.id()).maxResults(101)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("less than or equal to 100");
    String usersToken = ids.listUsers(r -> r.identityStoreId(store.id()).maxResults(1)).nextToken();
    store.seedGroups("g", 3);
    assertThatThrownBy(() -> ids.listGroups(r -> r.identityStoreId(store.id()).nextToken(usersToken)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("NextToken");
  }

  @Test
  void listUsersFilterOnUserNameOnly() {
    store.seedUsers("user", 5);
    var found = ids.listUsers(r -> r.identityStoreId(store.id())
        .filters(Filter.builder().attributePath("UserName").attributeValue("user003").build()));
    assertThat(found.users()).extracting(u -> u.userName()).containsExactly("user003");
    assertThatThrownBy(() -> ids.listUsers(r -> r.identityStoreId(store.id())
        .filters(Filter.builder().attributePath("DisplayName").attributeValue("x").build())))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aStoreOfAnotherAccountOrRegionIsNotFound() {
    var other = sb.account("222222222222").identityCenter().createInstance();
    assertThatThrownBy(() -> ids.listUsers(r -> r.identityStoreId(other.id())))
        .isInstanceOfSatisfying(ResourceNotFoundException.class,
            e -> assertThat(e.resourceType()).isEqualTo(ResourceType.IDENTITY_STORE));
    try (var west = IdentityCenterClients.identityStore(sb, ops, software.amazon.awssdk.regions.Region.US_WEST_2)) {
      assertThatThrownBy(() -> west.listUsers(r -> r.identityStoreId(store.id())))
          .isInstanceOf(ResourceNotFoundException.class);
    }
    assertThatThrownBy(() -> ids.listUsers(r -> r.identityStoreId("not-a-store")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at 'identityStoreId'");
  }

  @Test
  void identityPoliciesGateEachAction() {
    var iam = sb.account("111111111111").iam();
    var limited = iam.createUserWithAccessKey("reader");
    iam.putUserPolicy("reader", "read", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["identitystore:List*","identitystore:Describe*"],
        "Resource":"*"}]}""");
    String id = create("ann", "ann@example.com");
    try (var reader = IdentityCenterClients.identityStore(sb, limited)) {
      assertThat(reader.listUsers(r -> r.identityStoreId(store.id())).users()).hasSize(1);
      assertThatThrownBy(() -> reader.deleteUser(r -> r.identityStoreId(store.id()).userId(id)))
          .hasMessageContaining("not authorized to perform: identitystore:DeleteUser on resource: " + store.arn());
    }
    assertThat(store.users()).extracting(u -> u.userName()).isEqualTo(List.of("ann"));
  }
}
