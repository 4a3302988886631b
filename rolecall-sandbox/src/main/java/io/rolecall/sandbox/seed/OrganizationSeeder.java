package io.rolecall.sandbox.seed;

import io.rolecall.sandbox.service.organizations.OrgUnit;
import io.rolecall.sandbox.service.organizations.Organization;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds an organization's structure: {@code ous} organizational units under the root, the accounts spread over them
 * round-robin, and one service control policy denying LeaveOrganization attached to each OU (beside FullAWSAccess).
 */
public final class OrganizationSeeder {
  private OrganizationSeeder() {}

  static final String DENY_LEAVE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
      + "\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}";

  /** Returns the OUs made; {@code accountIds} must be members of {@code org}. */
  public static List<OrgUnit> seed(Organization org, List<String> accountIds, int ous) {
    if (ous < 0) throw new IllegalArgumentException("OU count cannot be negative: " + ous);
    var units = new ArrayList<OrgUnit>();
    if (ous == 0) return units;
    var denyLeave = org.policies().create("DenyLeaveOrganization", "Member accounts stay in the organization",
        DENY_LEAVE);
    for (int i = 1; i <= ous; i++) {
      var unit = org.structure().createOrganizationalUnit(org.structure().rootId(), String.format("ou-%02d", i));
      org.policies().attach(denyLeave.id(), unit.id());
      units.add(unit);
    }
    for (int a = 0; a < accountIds.size(); a++) {
      org.structure().moveAccount(accountIds.get(a), units.get(a % units.size()).id());
    }
    return units;
  }
}
