package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.auth.Credential;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM credential report as AWS writes it: a CSV with one row for the root ({@code <root_account>}) and one per
 * user, dates in ISO-8601 with a +00:00 offset, and the literal values N/A, not_supported and no_information.
 */
final class CredentialReport {
  private CredentialReport() {}

  static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
      + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
      + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
      + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
      + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
      .withZone(ZoneOffset.UTC);

  static String csv(Account account, IamState iam, IamCredentials credentials, Instant now) {
    var out = new StringBuilder(HEADER).append('\n');
    var root = account.root();
    var rootKeys = account.world().accessKeysOf(root);
    var rootRow = new ArrayList<>(List.of("<root_account>", root.arn(), date(now.minus(365, ChronoUnit.DAYS)),
        "not_supported", "N/A", "not_supported", "not_supported", String.valueOf(credentials.rootMfa())));
    keyColumns(rootRow, account, rootKeys, credentials);
    out.append(String.join(",", rootRow)).append('\n');
    for (IamUser user : iam.users()) {
      var login = credentials.loginProfile(user.name());
      var row = new ArrayList<>(List.of(user.name(), user.arn(), date(user.createDate()),
          String.valueOf(login.isPresent()),
          login.map(l -> l.passwordLastUsed() == null ? "no_information" : date(l.passwordLastUsed())).orElse("N/A"),
          login.map(l -> date(l.createDate())).orElse("N/A"), "N/A",
          String.valueOf(!credentials.mfaDevicesOf(user.name()).isEmpty())));
      keyColumns(row, account, credentials.keysOf(user), credentials);
      out.append(String.join(",", row)).append('\n');
    }
    return out.toString();
  }

  private static void keyColumns(List<String> row, Account account, List<Credential> keys, IamCredentials credentials) {
    for (int slot = 0; slot < 2; slot++) {
      if (slot >= keys.size()) {
        row.addAll(List.of("false", "N/A", "N/A", "N/A", "N/A"));
        continue;
      }
      var key = keys.get(slot);
      var use = account.world().lastUse(key.accessKeyId());
      row.add(String.valueOf(credentials.active(key.accessKeyId())));
      row.add(date(key.created()));
      row.add(use.map(u -> date(u.when())).orElse("N/A"));
      row.add(use.map(u -> u.region()).orElse("N/A"));
      row.add(use.map(u -> u.service()).orElse("N/A"));
    }
    row.addAll(List.of("false", "N/A", "false", "N/A"));
  }

  private static String date(Instant instant) {
    return DATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
