package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.World;
import io.rolecall.sandbox.auth.Credential;
import io.rolecall.sandbox.protocol.AwsException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One account's sign-in credentials beyond the keys themselves: console passwords (login profiles), virtual MFA
 * devices, access key status, the root user's MFA, and the credential report. Setup API and wire state alike.
 */
public final class IamCredentials {
  /** IAM hands out the same report for 4 hours; GenerateCredentialReport then says COMPLETE without regenerating. */
  static final Duration REPORT_REUSE = Duration.ofHours(4);

  private final Account account;
  private final IamState iam;
  private final Map<String, LoginProfile> loginProfiles = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, MfaDevice> mfaDevices = new ConcurrentSkipListMap<>(); // by serial number
  private final Set<String> inactiveKeys = ConcurrentHashMap.newKeySet();
  private volatile boolean rootMfa;
  private volatile Duration reportDelay = Duration.ZERO;
  private volatile Report report;

  /** A generated report: the CSV as of {@code generated}, readable from {@code ready} on. */
  record Report(Instant generated, Instant ready, String csv) {}

  IamCredentials(Account account, IamState iam) {
    this.account = account;
    this.iam = iam;
  }

  // ---- console passwords

  /** Gives the user a console password (CreateLoginProfile); {@code lastUsed} may be null (never signed in). */
  public void createLoginProfile(String userName, Instant lastUsed) {
    var user = iam.requireUser(userName);
    if (loginProfiles.putIfAbsent(user.name(), new LoginProfile(now(), lastUsed)) != null) {
      throw AwsException.conflict("EntityAlreadyExists", "Login Profile for user " + userName + " already exists.");
    }
  }

  /** DeleteLoginProfile: the user's console password goes; NoSuchEntity when there is none. */
  public void deleteLoginProfile(String userName) {
    var user = iam.requireUser(userName);
    if (loginProfiles.remove(user.name()) == null) {
      throw IamState.noSuchEntity("Login Profile for User " + user.name() + " cannot be found.");
    }
  }

  public Optional<LoginProfile> loginProfile(String userName) {
    return Optional.ofNullable(loginProfiles.get(userName));
  }

  // ---- MFA

  /** Creates an unassigned virtual MFA device (CreateVirtualMFADevice); returns its serial number. */
  public String createVirtualMfaDevice(String name) {
    String serial = "arn:aws:iam::" + account.id() + ":mfa/" + name;
    if (mfaDevices.putIfAbsent(serial, new MfaDevice(serial, null, null)) != null) {
      throw AwsException.conflict("EntityAlreadyExists", "MFADevice entity at the same path and name already exists.");
    }
    return serial;
  }

  /** Assigns a virtual device to a user (EnableMFADevice). */
  public void enableMfaDevice(String userName, String serialNumber) {
    var user = iam.requireUser(userName);
    mfaDevices.compute(serialNumber, (k, d) -> {
      if (d == null) throw IamState.noSuchEntity("VirtualMFADevice with serial number " + serialNumber + " doesn't exist.");
      if (d.assigned()) throw AwsException.conflict("EntityAlreadyExists", "MFA Device is already in use.");
      return new MfaDevice(serialNumber, user.name(), now());
    });
  }

  /** Shortcut: a virtual device named after the user, assigned to it. Returns the serial number. */
  public String enableVirtualMfa(String userName) {
    String serial = createVirtualMfaDevice(userName);
    enableMfaDevice(userName, serial);
    return serial;
  }

  /** Virtual devices, by serial number; {@code assignedOnly} leaves out unassigned ones. */
  public List<MfaDevice> virtualMfaDevices(boolean assignedOnly) {
    return mfaDevices.values().stream().filter(d -> !assignedOnly || d.assigned()).toList();
  }

  public List<MfaDevice> mfaDevicesOf(String userName) {
    var user = iam.requireUser(userName);
    return mfaDevices.values().stream().filter(d -> user.name().equals(d.userName())).toList();
  }

  /** Whether the account root has MFA; AWS shows it in the credential report and the account summary. */
  public void rootMfa(boolean enabled) {
    rootMfa = enabled;
  }

  public boolean rootMfa() {
    return rootMfa;
  }

  // ---- access keys

  /** UpdateAccessKey: Active or Inactive. (The sandbox still accepts an inactive key's signature.) */
  public void setAccessKeyActive(String accessKeyId, boolean active) {
    if (active) inactiveKeys.remove(accessKeyId);
    else inactiveKeys.add(accessKeyId);
  }

  public boolean active(String accessKeyId) {
    return !inactiveKeys.contains(accessKeyId);
  }

  /** Records a use of a key, as if it had signed a request then (seeding makes keys look unused or busy). */
  public void recordKeyUse(String accessKeyId, Instant when, String service, String region) {
    account.world().recordKeyUse(accessKeyId, new World.KeyUse(when, service, region));
  }

  // ---- credential report

  /** How long a new report takes before GetCredentialReport returns it (ReportInProgress until then). */
  public void reportDelay(Duration delay) {
    reportDelay = delay;
  }

  /**
   * GenerateCredentialReport: STARTED when a new report begins, INPROGRESS while it is being made, COMPLETE when a
   * report younger than four hours exists.
   */
  public synchronized String generateReport() {
    Instant now = now();
    if (report != null && now.isBefore(report.ready())) return "INPROGRESS";
    if (report != null && now.isBefore(report.generated().plus(REPORT_REUSE))) return "COMPLETE";
    report = new Report(now, now.plus(reportDelay), CredentialReport.csv(account, iam, this, now));
    return "STARTED";
  }

  /** GetCredentialReport's content, or IAM's errors: ReportNotPresent, ReportInProgress, ReportExpired. */
  Report readyReport() {
    var r = report;
    Instant now = now();
    if (r == null) {
      throw new AwsException(410, "ReportNotPresent", "Credential report not present. Use GenerateCredentialReport to"
          + " generate a report.");
    }
    if (now.isBefore(r.ready())) {
      throw AwsException.notFound("ReportInProgress", "Credential report is being generated.");
    }
    if (!now.isBefore(r.generated().plus(REPORT_REUSE))) {
      throw new AwsException(410, "ReportExpired", "Credential report has expired. Use GenerateCredentialReport to"
          + " generate a new report.");
    }
    return r;
  }

  /** Long-term keys of a user, oldest first (as the credential report numbers them 1 and 2). */
  List<Credential> keysOf(IamUser user) {
    return account.world().accessKeysOf(user.principal());
  }

  private Instant now() {
    return account.world().clock().now();
  }
}
