package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The credential report's unquoted CSV is read back right whatever IAM name it holds, commas included. */
class CredentialReportProperties {
  static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
      + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
      + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
      + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
      + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

  @Provide
  Arbitrary<String> iamNames() {
    return Arbitraries.strings().withChars("abcXYZ019+=,.@_-").ofMinLength(1).ofMaxLength(64);
  }

  @Property
  void rowsParseWhateverTheName(@ForAll("iamNames") String name, @ForAll boolean console, @ForAll boolean mfa,
      @ForAll boolean keyActive) {
    String csv = HEADER + "\n" + name + ",arn:aws:iam::111111111111:user/" + name + ",2024-01-01T00:00:00+00:00,"
        + console + "," + (console ? "2024-03-01T10:00:00+00:00" : "N/A") + ",N/A,N/A," + mfa + "," + keyActive
        + ",2024-02-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
    var row = CredentialReport.parse(csv).user(name).orElseThrow();
    assertThat(row.arn()).isEqualTo("arn:aws:iam::111111111111:user/" + name);
    assertThat(row.passwordEnabled()).isEqualTo(console);
    assertThat(row.passwordLastUsed()).isEqualTo(console ? Instant.parse("2024-03-01T10:00:00Z") : null);
    assertThat(row.mfaActive()).isEqualTo(mfa);
    assertThat(row.activeKeys()).isEqualTo(keyActive ? 1 : 0);
    assertThat(row.keyCreatedAt(Instant.parse("2024-02-01T00:00:00.400Z"))).isPresent();
    assertThat(row.keys().get(0).lastUsed()).isNull();
  }
}
