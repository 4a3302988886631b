package io.rolecall.sandbox.service.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.SandboxClock;
import io.rolecall.sandbox.protocol.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One identity store: users, groups and memberships, with the uniqueness Identity Center enforces (user name, email
 * address, group display name, one membership per user and group). Its public methods are the setup API tests use
 * and what the wire handlers call; failures are the service's own errors ({@link StoreError}). Thread-safe.
 *
 * <p>Ids look like AWS's ({@code 1234567890-} + a UUID, the prefix taken from the store id) and come from a random
 * source seeded by the store id, so a store created with a fixed id yields the same ids for the same sequence of
 * calls: golden-file tests rely on that. Deleting a user or group deletes its memberships.
 */
public final class IdentityStore {
  private final String id;
  private final String region;
  private final String accountId;
  private final SandboxClock clock;
  private final Random idSource;
  private final Map<String, StoreUser> users = new HashMap<>();
  private final Map<String, String> userIdByName = new HashMap<>();
  private final Map<String, String> userIdByEmail = new HashMap<>();
  private final Map<String, StoreGroup> groups = new HashMap<>();
  private final Map<String, String> groupIdByName = new HashMap<>();
  private final Map<String, StoreMembership> memberships = new HashMap<>();
  private final Map<String, String> membershipByPair = new HashMap<>();
  // Indexes, so listing a group's or a user's memberships does not scan a store of 100,000 memberships.
  private final Map<String, Set<String>> membershipsByGroup = new HashMap<>();
  private final Map<String, Set<String>> membershipsByUser = new HashMap<>();

  IdentityStore(String id, String region, String accountId, SandboxClock clock) {
    this.id = id;
    this.region = region;
    this.accountId = accountId;
    this.clock = clock;
    this.idSource = new Random(id.hashCode());
  }

  public String id() { return id; }

  public String region() { return region; }

  public String accountId() { return accountId; }

  public String arn() {
    return "arn:aws:identitystore::" + accountId + ":identitystore/" + id;
  }

  // ---- setup API

  /** A user with the attributes Identity Center requires and one (primary, work) email address. */
  public StoreUser createUser(String userName, String givenName, String familyName, String displayName, String email) {
    ObjectNode request = Json.MAPPER.createObjectNode();
    request.put("UserName", userName).put("DisplayName", displayName);
    request.putObject("Name").put("GivenName", givenName).put("FamilyName", familyName);
    if (email != null) request.putArray("Emails").addObject().put("Value", email).put("Type", "work").put("Primary", true);
    return createUser(request);
  }

  /** {@code count} users named prefix001, prefix002... with emails prefix001@example.com..., without HTTP round trips. */
  public List<StoreUser> seedUsers(String prefix, int count) {
    var created = new ArrayList<StoreUser>(count);
    for (int i = 1; i <= count; i++) {
      String name = prefix + String.format("%03d", i);
      created.add(createUser(name, "Given" + i, "Family" + i, "User " + name, name + "@example.com"));
    }
    return created;
  }

  /** {@code count} groups named prefix001, prefix002... */
  public List<StoreGroup> seedGroups(String prefix, int count) {
    var created = new ArrayList<StoreGroup>(count);
    for (int i = 1; i <= count; i++) created.add(createGroup(prefix + String.format("%03d", i), null));
    return created;
  }

  public StoreGroup createGroup(String displayName) {
    return createGroup(displayName, null);
  }

  public StoreMembership addMember(StoreGroup group, StoreUser user) {
    return createMembership(group.groupId(), user.userId());
  }

  // ---- users

  public synchronized StoreUser createUser(JsonNode request) {
    ObjectNode attributes = UserAttributes.forCreate(request);
    var user = new StoreUser(newId(), attributes, clock.now(), clock.now());
    checkUnique(user, null);
    index(user);
    return user;
  }

  public synchronized Optional<StoreUser> user(String userId) {
    return Optional.ofNullable(users.get(userId));
  }

  public synchronized StoreUser requireUser(String userId) {
    return user(userId).orElseThrow(() -> StoreError.notFound("USER", userId));
  }

  /** GetUserId's unique attributes: {@code userName} and {@code emails.value}. */
  public synchronized Optional<StoreUser> userBy(String attributePath, String value) {
    var index = switch (attributePath) {
      case "userName" -> userIdByName;
      case "emails.value" -> userIdByEmail;
      default -> throw StoreError.validation("The attribute " + attributePath + " is not a unique attribute");
    };
    return Optional.ofNullable(index.get(value)).map(users::get);
  }

  public synchronized StoreUser updateUser(String userId, JsonNode operations) {
    StoreUser current = requireUser(userId);
    var updated = new StoreUser(userId, UserAttributes.apply(current.attributes(), operations), current.createdAt(),
        clock.now());
    checkUnique(updated, current);
    unindex(current);
    index(updated);
    return updated;
  }

  public synchronized void deleteUser(String userId) {
    StoreUser user = requireUser(userId);
    unindex(user);
    membershipsOf(membershipsByUser, userId).forEach(this::removeMembership);
  }

  public synchronized List<StoreUser> users() {
    return List.copyOf(users.values());
  }

  private void checkUnique(StoreUser user, StoreUser replacing) {
    String byName = userIdByName.get(user.userName());
    if (byName != null && (replacing == null || !byName.equals(replacing.userId()))) {
      throw StoreError.conflict("Duplicate UserName");
    }
    String byEmail = user.email() == null ? null : userIdByEmail.get(user.email());
    if (byEmail != null && (replacing == null || !byEmail.equals(replacing.userId()))) {
      throw StoreError.conflict("Duplicate Email");
    }
  }

  private void index(StoreUser user) {
    users.put(user.userId(), user);
    userIdByName.put(user.userName(), user.userId());
    if (user.email() != null) userIdByEmail.put(user.email(), user.userId());
  }

  private void unindex(StoreUser user) {
    users.remove(user.userId());
    userIdByName.remove(user.userName());
    if (user.email() != null) userIdByEmail.remove(user.email());
  }

  // ---- groups

  public synchronized StoreGroup createGroup(String displayName, String description) {
    GroupAttributes.checkDisplayName(displayName);
    if (description != null) GroupAttributes.checkDescription(description);
    if (groupIdByName.containsKey(displayName)) throw StoreError.conflict("Duplicate GroupDisplayName");
    var group = new StoreGroup(newId(), displayName, description, clock.now(), clock.now());
    groups.put(group.groupId(), group);
    groupIdByName.put(displayName, group.groupId());
    return group;
  }

  public synchronized Optional<StoreGroup> group(String groupId) {
    return Optional.ofNullable(groups.get(groupId));
  }

  public synchronized StoreGroup requireGroup(String groupId) {
    return group(groupId).orElseThrow(() -> StoreError.notFound("GROUP", groupId));
  }

  /** GetGroupId's unique attribute: {@code displayName}. */
  public synchronized Optional<StoreGroup> groupByDisplayName(String displayName) {
    return Optional.ofNullable(groupIdByName.get(displayName)).map(groups::get);
  }

  public synchronized StoreGroup updateGroup(String groupId, JsonNode operations) {
    StoreGroup current = requireGroup(groupId);
    StoreGroup updated = GroupAttributes.apply(current, operations, clock.now());
    String holder = groupIdByName.get(updated.displayName());
    if (holder != null && !holder.equals(groupId)) throw StoreError.conflict("Duplicate GroupDisplayName");
    groupIdByName.remove(current.displayName());
    groupIdByName.put(updated.displayName(), groupId);
    groups.put(groupId, updated);
    return updated;
  }

  public synchronized void deleteGroup(String groupId) {
    StoreGroup group = requireGroup(groupId);
    groups.remove(groupId);
    groupIdByName.remove(group.displayName());
    membershipsOf(membershipsByGroup, groupId).forEach(this::removeMembership);
  }

  public synchronized List<StoreGroup> groups() {
    return List.copyOf(groups.values());
  }

  // ---- memberships

  public synchronized StoreMembership createMembership(String groupId, String userId) {
    requireGroup(groupId);
    requireUser(userId);
    if (membershipByPair.containsKey(pair(groupId, userId))) {
      throw StoreError.conflict("Member and Group relationship already exists");
    }
    var m = new StoreMembership(newId(), groupId, userId, clock.now());
    memberships.put(m.membershipId(), m);
    membershipByPair.put(pair(groupId, userId), m.membershipId());
    membershipsByGroup.computeIfAbsent(groupId, k -> new TreeSet<>()).add(m.membershipId());
    membershipsByUser.computeIfAbsent(userId, k -> new TreeSet<>()).add(m.membershipId());
    return m;
  }

  public synchronized StoreMembership requireMembership(String membershipId) {
    return Optional.ofNullable(memberships.get(membershipId))
        .orElseThrow(() -> StoreError.notFound("GROUP_MEMBERSHIP", membershipId));
  }

  public synchronized Optional<StoreMembership> membership(String groupId, String userId) {
    return Optional.ofNullable(membershipByPair.get(pair(groupId, userId))).map(memberships::get);
  }

  public synchronized void deleteMembership(String membershipId) {
    removeMembership(requireMembership(membershipId));
  }

  public synchronized List<StoreMembership> membershipsOfGroup(String groupId) {
    requireGroup(groupId);
    return membershipsOf(membershipsByGroup, groupId);
  }

  public synchronized List<StoreMembership> membershipsOfUser(String userId) {
    requireUser(userId);
    return membershipsOf(membershipsByUser, userId);
  }

  private List<StoreMembership> membershipsOf(Map<String, Set<String>> index, String id) {
    return index.getOrDefault(id, Set.of()).stream().map(memberships::get).toList();
  }

  private void removeMembership(StoreMembership m) {
    memberships.remove(m.membershipId());
    membershipByPair.remove(pair(m.groupId(), m.userId()));
    dropFromIndex(membershipsByGroup, m.groupId(), m.membershipId());
    dropFromIndex(membershipsByUser, m.userId(), m.membershipId());
  }

  private static void dropFromIndex(Map<String, Set<String>> index, String id, String membershipId) {
    var set = index.get(id);
    if (set != null && set.remove(membershipId) && set.isEmpty()) index.remove(id);
  }

  private static String pair(String groupId, String userId) {
    return groupId + "/" + userId;
  }

  /** {@code 1234567890-} + a version-4 UUID, as ids of stores created since 2022 look. */
  private String newId() {
    long high = (idSource.nextLong() & ~0xF000L) | 0x4000L;
    long low = (idSource.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return id.substring(2) + "-" + new UUID(high, low);
  }

  @Override
  public String toString() {
    return "IdentityStore[" + id + " in " + accountId + "/" + region + "]";
  }
}
