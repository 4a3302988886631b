package io.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.render.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks `aws cloudformation validate-template` makes on a template's form, and a few more on the
 * two resource types rolecall generates: known top-level sections, every resource typed and given its
 * required properties, every Ref naming a parameter, resource or pseudo parameter, every GetAtt a
 * resource, intrinsic functions alone in their object, parameter defaults allowed by their patterns.
 */
final class TemplateCheck {
  private TemplateCheck() {}

  static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata", "Parameters",
      "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs");
  static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
      "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
  static final Set<String> INTRINSICS = Set.of("Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::If", "Fn::Select",
      "Fn::Split", "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Fn::FindInMap", "Fn::Base64", "Fn::GetAZs",
      "Fn::ImportValue", "Fn::Cidr", "Fn::Length", "Fn::ToJsonString", "Ref", "Condition");
  static final Set<String> PARAMETER_TYPES = Set.of("String", "Number", "List<Number>", "CommaDelimitedList");
  static final Map<String, List<String>> REQUIRED = Map.of(
      "AWS::IAM::Role", List.of("AssumeRolePolicyDocument"),
      "AWS::CloudFormation::StackSet", List.of("StackSetName", "PermissionModel"));

  static JsonNode check(Map<String, Object> template) {
    return check((JsonNode) Json.mapper().valueToTree(template));
  }

  static JsonNode check(JsonNode t) {
    t.fieldNames().forEachRemaining(f -> assertThat(SECTIONS).as("top-level section").contains(f));
    assertThat(t.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
    assertThat(t.path("Description").asText().length()).isBetween(1, 1024);
    var parameters = new HashSet<String>();
    t.path("Parameters").fields().forEachRemaining(p -> {
      parameters.add(p.getKey());
      assertThat(p.getKey()).matches("[A-Za-z0-9]{1,255}");
      assertThat(PARAMETER_TYPES).as("type of parameter " + p.getKey()).contains(p.getValue().path("Type").asText());
      var pattern = p.getValue().path("AllowedPattern");
      var value = p.getValue().path("Default");
      if (!pattern.isMissingNode() && !value.isMissingNode()) {
        assertThat(Pattern.compile(pattern.asText()).matcher(value.asText()).matches())
            .as("default of " + p.getKey() + " matches its AllowedPattern").isTrue();
      }
    });
    var resources = new HashSet<String>();
    assertThat(t.path("Resources").size()).isPositive();
    t.path("Resources").fields().forEachRemaining(r -> {
      resources.add(r.getKey());
      assertThat(r.getKey()).matches("[A-Za-z0-9]{1,255}");
      String type = r.getValue().path("Type").asText();
      assertThat(type).matches("AWS::[A-Za-z0-9]+::[A-Za-z0-9]+");
      for (String required : REQUIRED.getOrDefault(type, List.of())) {
        assertThat(r.getValue().path("Properties").has(required)).as(type + " has " + required).isTrue();
      }
    });
    walk(t.path("Resources"), parameters, resources);
    walk(t.path("Outputs"), parameters, resources);
    t.path("Outputs").fields().forEachRemaining(o -> assertThat(o.getValue().has("Value")).isTrue());
    return t;
  }

  private static void walk(JsonNode node, Set<String> parameters, Set<String> resources) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(f -> {
        if (f.startsWith("Fn::") || f.equals("Ref")) {
          assertThat(INTRINSICS).as("intrinsic function").contains(f);
          assertThat(node.size()).as(f + " stands alone in its object").isEqualTo(1);
        }
      });
      if (node.has("Ref")) {
        String name = node.get("Ref").asText();
        assertThat(parameters.contains(name) || resources.contains(name) || PSEUDO.contains(name))
            .as("Ref " + name + " names a parameter, resource or pseudo parameter").isTrue();
      }
      if (node.has("Fn::GetAtt")) {
        var args = node.get("Fn::GetAtt");
        assertThat(args.isArray() && args.size() == 2).as("Fn::GetAtt takes [resource, attribute]").isTrue();
        assertThat(resources).contains(args.get(0).asText());
      }
      node.elements().forEachRemaining(child -> walk(child, parameters, resources));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> walk(child, parameters, resources));
    }
  }
}
