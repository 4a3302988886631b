package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyRequest;

class PasswordPolicyTest {
  final Sandbox sb = Sandbox.start();
  final IamClient iam = Aws.iam(sb, sb.account("111111111111").iam().createUserWithAccessKey("ops"));

  @AfterEach
  void close() {
    iam.close();
    sb.close();
  }

  @Test
  void noPolicyIsNoSuchEntity() {
    assertThatThrownBy(iam::getAccountPasswordPolicy).isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("The Password Policy with domain name 111111111111 cannot be found.");
    });
  }

  @Test
  void updateSetsEveryFieldAndGetReturnsThem() {
    iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).requireSymbols(true).requireNumbers(true)
        .requireUppercaseCharacters(true).requireLowercaseCharacters(true).allowUsersToChangePassword(true)
        .maxPasswordAge(90).passwordReusePrevention(24).hardExpiry(true));
    var p = iam.getAccountPasswordPolicy().passwordPolicy();
    assertThat(p.minimumPasswordLength()).isEqualTo(14);
    assertThat(p.requireSymbols()).isTrue();
    assertThat(p.requireNumbers()).isTrue();
    assertThat(p.requireUppercaseCharacters()).isTrue();
    assertThat(p.requireLowercaseCharacters()).isTrue();
    assertThat(p.allowUsersToChangePassword()).isTrue();
    assertThat(p.maxPasswordAge()).isEqualTo(90);
    assertThat(p.passwordReusePrevention()).isEqualTo(24);
    assertThat(p.hardExpiry()).isTrue();
    assertThat(p.expirePasswords()).isTrue();
  }

  @Test
  void updateReplacesTheWholePolicy() {
    iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).requireNumbers(true).maxPasswordAge(90)
        .passwordReusePrevention(5).hardExpiry(true).allowUsersToChangePassword(true));
    iam.updateAccountPasswordPolicy(r -> r.requireSymbols(true));
    var p = iam.getAccountPasswordPolicy().passwordPolicy();
    assertThat(p.requireSymbols()).isTrue();
    assertThat(p.minimumPasswordLength()).isEqualTo(6); // IAM's documented default when the field is not sent
    assertThat(p.requireNumbers()).isFalse();
    assertThat(p.allowUsersToChangePassword()).isFalse();
    assertThat(p.expirePasswords()).isFalse();
    assertThat(p.maxPasswordAge()).isNull(); // IAM leaves unset fields out
    assertThat(p.passwordReusePrevention()).isNull();
    assertThat(p.hardExpiry()).isNull();
  }

  @Test
  void outOfRangeValuesAreValidationErrors() {
    assertInvalid(r -> r.minimumPasswordLength(5), "minimumPasswordLength", "5", "greater than or equal to 6");
    assertInvalid(r -> r.minimumPasswordLength(129), "minimumPasswordLength", "129", "less than or equal to 128");
    assertInvalid(r -> r.maxPasswordAge(0), "maxPasswordAge", "0", "greater than or equal to 1");
    assertInvalid(r -> r.maxPasswordAge(1096), "maxPasswordAge", "1096", "less than or equal to 1095");
    assertInvalid(r -> r.passwordReusePrevention(25), "passwordReusePrevention", "25", "less than or equal to 24");
    assertThatThrownBy(iam::getAccountPasswordPolicy).isInstanceOf(NoSuchEntityException.class);
  }

  void assertInvalid(Consumer<UpdateAccountPasswordPolicyRequest.Builder> request, String member, String value,
                     String constraint) {
    assertThatThrownBy(() -> iam.updateAccountPasswordPolicy(request)).isInstanceOfSatisfying(IamException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '" + value + "' at '"
          + member + "' failed to satisfy constraint: Member must have value " + constraint);
    });
  }

  @Test
  void deleteRemovesThePolicyAndDeletingNothingIsNoSuchEntity() {
    iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(10));
    iam.deleteAccountPasswordPolicy();
    assertThatThrownBy(iam::getAccountPasswordPolicy).isInstanceOf(NoSuchEntityException.class);
    assertThatThrownBy(iam::deleteAccountPasswordPolicy).isInstanceOfSatisfying(NoSuchEntityException.class, e ->
        assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("The Password Policy with domain name 111111111111 cannot be found."));
  }

  @Test
  void policiesArePerAccount() {
    iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(10));
    try (var other = Aws.iam(sb, sb.account("222222222222").iam().createUserWithAccessKey("ops"))) {
      assertThatThrownBy(other::getAccountPasswordPolicy).isInstanceOf(NoSuchEntityException.class);
    }
  }
}
