package io.rolecall.sandbox;

import io.rolecall.sandbox.auth.Credential;
import io.rolecall.sandbox.auth.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Everything the sandbox knows: accounts (each holding its services' state) and every credential issued, indexed by
 * access key id so any request can be authenticated whichever account it acts on. Thread-safe.
 */
public final class World {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private final SandboxClock clock = new SandboxClock();
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, Credential> credentials = new ConcurrentHashMap<>();
  private final Map<String, KeyUse> keyUses = new ConcurrentHashMap<>();
  private final AtomicLong sessionsIssued = new AtomicLong();

  /**
   * Temporary credentials this long past expiry are forgotten (then they fail as unknown keys, not ExpiredToken),
   * so a long benchmark issuing sessions does not grow memory without bound.
   */
  static final Duration FORGET_EXPIRED_AFTER = Duration.ofHours(24);

  public SandboxClock clock() {
    return clock;
  }

  /** The account with this 12-digit id, created on first use. */
  public Account account(String accountId) {
    if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException("an account id is 12 digits, got: " + accountId);
    }
    return accounts.computeIfAbsent(accountId, id -> new Account(id, this));
  }

  /** The account if it exists; wire handlers use this so a request never creates an account. */
  public Optional<Account> findAccount(String accountId) {
    return Optional.ofNullable(accountId == null ? null : accounts.get(accountId));
  }

  public List<Account> accounts() {
    return accounts.values().stream().sorted(Comparator.comparing(Account::id)).toList();
  }

  /** Issues a long-term (AKIA) key for a user or root. */
  public Credential issueAccessKey(Principal principal) {
    return issueAccessKey(principal, Ids.secretAccessKey(), clock.now());
  }

  /** Issues a long-term key with a chosen secret: tests plant a recognisable canary and search output for it. */
  public Credential issueAccessKey(Principal principal, String secretAccessKey) {
    return issueAccessKey(principal, secretAccessKey, clock.now());
  }

  /** Issues a long-term key created at {@code created} (seeding backdates keys to make them look old). */
  public Credential issueAccessKey(Principal principal, Instant created) {
    return issueAccessKey(principal, Ids.secretAccessKey(), created);
  }

  private Credential issueAccessKey(Principal principal, String secretAccessKey, Instant created) {
    var c = new Credential(Ids.accessKeyId(false), secretAccessKey, null, null, principal, created, false);
    credentials.put(c.accessKeyId(), c);
    return c;
  }

  /** When, where and for what a long-term key last signed a request (IAM's GetAccessKeyLastUsed). */
  public record KeyUse(Instant when, String service, String region) {}

  /** Records that a request signed with {@code accessKeyId} was served; temporary keys are not tracked. */
  public void recordKeyUse(String accessKeyId, KeyUse use) {
    if (accessKeyId.startsWith("AKIA")) keyUses.put(accessKeyId, use);
  }

  public Optional<KeyUse> lastUse(String accessKeyId) {
    return Optional.ofNullable(keyUses.get(accessKeyId));
  }

  /** Issues temporary (ASIA) credentials valid for {@code duration} from the sandbox clock's now. */
  public Credential issueSession(Principal principal, Duration duration, boolean mfaAuthenticated) {
    var now = clock.now();
    var c = new Credential(Ids.accessKeyId(true), Ids.secretAccessKey(), Ids.sessionToken(), now.plus(duration),
        principal, now, mfaAuthenticated);
    credentials.put(c.accessKeyId(), c);
    if (sessionsIssued.incrementAndGet() % 4096 == 0) {
      var horizon = now.minus(FORGET_EXPIRED_AFTER);
      credentials.values().removeIf(old -> old.temporary() && old.expiration().isBefore(horizon));
    }
    return c;
  }

  /** Every credential issued so far: lets tests check that no secret or token leaked into output. */
  public List<Credential> issuedCredentials() {
    return List.copyOf(credentials.values());
  }

  public Optional<Credential> credential(String accessKeyId) {
    return Optional.ofNullable(accessKeyId == null ? null : credentials.get(accessKeyId));
  }

  /** Long-term keys of one principal, oldest first. */
  public List<Credential> accessKeysOf(Principal principal) {
    return credentials.values().stream().filter(c -> !c.temporary() && c.principal().equals(principal))
        .sorted(Comparator.comparing(Credential::created).thenComparing(Credential::accessKeyId)).toList();
  }

  /** Forgets a key: requests signed with it then fail as an unknown key would. */
  public boolean revoke(String accessKeyId) {
    keyUses.remove(accessKeyId);
    return credentials.remove(accessKeyId) != null;
  }
}
