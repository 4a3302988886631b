package io.rolecall.cli;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The demo's accounts and scenario: what `rolecall demo` seeds into the sandbox and then runs. */
record DemoOrganization(AccessKey engineKey) {
  static final String MANAGEMENT = "111111111111";
  static final List<String> ACCOUNTS = List.of(MANAGEMENT, "222222222222", "333333333333", "444444444444");
  static final String ROLE = "RolecallRemediation";
  static final String EXTERNAL_ID = "rolecall-demo-7f3a9c";
  static final String SECRET_VARIABLE = "ROLECALL_DEMO_SECRET_KEY";

  /** One command of the scenario, why it is there, and the exit code it must end with. */
  record Step(String why, List<String> args, int expectedExit) {}

  static DemoOrganization seed(Sandbox sandbox) {
    var management = sandbox.account(MANAGEMENT);
    AccessKey engine = management.iam().createUserWithAccessKey("rolecall-engine");
    String engineArn = "arn:aws:iam::" + MANAGEMENT + ":user/rolecall-engine";
    for (String id : List.of("222222222222", "333333333333")) {
      sandbox.account(id).iam().createRole(ROLE, TrustPolicy.trusting(engineArn).withExternalId(EXTERNAL_ID));
    }
    // This account's role was set up for another customer's ExternalId: AssumeRole must fail there.
    sandbox.account("444444444444").iam().createRole(ROLE, TrustPolicy.trusting(engineArn).withExternalId("another-customer"));
    // A weak policy: length 8, digits only, no expiry.
    sandbox.account("222222222222").iam().setPasswordPolicy(
        new PasswordPolicy(8, false, true, false, false, true, 0, 0, false));
    return new DemoOrganization(engine);
  }

  String config(URI endpoint, Path db) {
    return """
        # Written by rolecall demo: one instance, pointing at the embedded sandbox.
        db: %s
        instances:
          demo:
            region: us-east-1
            endpointUrl: %s
            accessKey: %s
            secretKey: ${%s}
            roleName: %s
            externalId: %s
        """.formatted(db, endpoint, engineKey.accessKeyId(), SECRET_VARIABLE, ROLE, EXTERNAL_ID);
  }

  static List<Step> scenario() {
    return List.of(
        new Step("XSOAR's Test button: configuration, identity, role, one read call",
            List.of("test", "account_id=222222222222"), 0),
        new Step("The password policy of two accounts, one AssumeRole each, in parallel",
            List.of("aws-iam-account-password-policy-get", "account_id=222222222222,333333333333"), 0),
        new Step("An account whose role expects another ExternalId: that account fails clearly, the other still runs",
            List.of("aws-iam-account-password-policy-get", "account_id=222222222222,444444444444"), 1),
        new Step("The same result as XSOAR context, for playbooks",
            List.of("aws-iam-account-password-policy-get", "account_id=222222222222", "-o", "context"), 0),
        new Step("Bad input is refused before any call, naming the argument and the accepted form",
            List.of("aws-iam-account-password-policy-get", "account_id=12345"), 2));
  }
}
