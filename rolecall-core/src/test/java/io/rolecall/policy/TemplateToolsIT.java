package io.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.render.Json;
import io.rolecall.sandbox.external.AwsCli;
import io.rolecall.sandbox.external.ExternalTools;
import io.rolecall.sandbox.external.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates checked by tools nobody here wrote: cfn-lint (CloudFormation's resource schemas) and
 * moto's CloudFormation through the AWS CLI (validate-template, then create-stack: the role really
 * gets created with both policies). Each is skipped, saying why, when its tool is not installed.
 */
class TemplateToolsIT {
  @TempDir
  Path dir;

  record Run(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return Json.mapper().readTree(out);
    }
  }

  static Run exec(Map<String, String> env, List<String> command) {
    var r = ExternalTools.run(command, ExternalTools.withoutAwsSettings(env), Duration.ofSeconds(120));
    return new Run(r.exit(), r.out(), r.err());
  }

  Path write(String name, Map<String, Object> template) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, Json.pretty(template));
    return file;
  }

  static void require(boolean present, String why) {
    if (!present) {
      System.err.println("TemplateToolsIT: skipped: " + why);
    }
    Assumptions.assumeTrue(present, why);
  }

  @Test
  void cfnLintFindsNothingWrong() throws Exception {
    require(ExternalTools.onPath("cfn-lint").isPresent(), "cfn-lint is not on PATH");
    var plan = CloudFormationTest.plan("ext-1");
    var files = List.of(write("role.json", CloudFormation.roleTemplate(plan)),
        write("stackset.json", CloudFormation.stackSetTemplate(plan)),
        write("member-role.json", CloudFormation.memberRoleTemplate(plan)),
        write("inventory-role.json", CloudFormation.roleTemplate(RolePlan.inventory("RolecallAudit",
            CloudFormationTest.ENGINE, "ext-1", 3600))),
        write("inventory-stackset.json", CloudFormation.stackSetTemplate(RolePlan.inventory("RolecallAudit",
            CloudFormationTest.ENGINE, "ext-1", 3600))),
        write("role-no-external-id.json", CloudFormation.roleTemplate(CloudFormationTest.plan(null))));
    var command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--"));
    files.forEach(f -> command.add(f.toString()));
    var r = exec(Map.of(), command);
    assertThat(r.out() + r.err()).as("cfn-lint output").isEmpty();
    assertThat(r.exit()).isZero();
  }

  @Test
  void motoValidatesBothAndCreatesTheRole() throws Exception {
    require(ExternalTools.awsCli().isPresent(), "the AWS CLI ('aws') is not on PATH");
    var moto = MotoServer.startIfInstalled();
    require(moto.isPresent(), "moto_server is not on PATH");
    try (var server = moto.get()) {
      var env = Map.of("AWS_ACCESS_KEY_ID", "AKIAMOTOTESTKEY00001", "AWS_SECRET_ACCESS_KEY", "moto-secret",
          "AWS_DEFAULT_REGION", "us-east-1", "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
          "AWS_PAGER", "", "AWS_EC2_METADATA_DISABLED", "true");
      var plan = CloudFormationTest.plan("ext-1");
      Path role = write("role.json", CloudFormation.roleTemplate(plan));
      Path stackSet = write("stackset.json", CloudFormation.stackSetTemplate(plan));
      for (Path template : List.of(role, stackSet)) {
        var valid = aws(env, server, "cloudformation", "validate-template", "--template-body", "file://" + template);
        assertThat(valid.exit()).as(valid.err()).isZero();
      }
      // moto's validate-template parses but lists no parameters; deploying the role template checks the rest.
      var created = aws(env, server, "cloudformation", "create-stack", "--stack-name", "rolecall-role",
          "--template-body", "file://" + role, "--capabilities", "CAPABILITY_NAMED_IAM",
          "--parameters", "ParameterKey=ExternalId,ParameterValue=ext-1");
      assertThat(created.exit()).as(created.err()).isZero();
      var got = aws(env, server, "iam", "get-role", "--role-name", "RolecallRemediation");
      assertThat(got.exit()).as(got.err()).isZero();
      var trust = got.json().path("Role").path("AssumeRolePolicyDocument");
      assertThat(trust.toString()).contains("arn:aws:iam::111111111111:user/engine", "ext-1", "sts:AssumeRole");
      var inline = aws(env, server, "iam", "get-role-policy", "--role-name", "RolecallRemediation",
          "--policy-name", "rolecall-commands");
      assertThat(inline.exit()).as(inline.err()).isZero();
      assertThat(inline.json().path("PolicyDocument").toString())
          .contains("s3:PutBucketPublicAccessBlock", "ec2:ModifyInstanceMetadataOptions");
    }
  }

  static Run aws(Map<String, String> env, MotoServer server, String... args) {
    var r = AwsCli.run(server.endpoint(), env, args);
    return new Run(r.exit(), r.out(), r.err());
  }
}
