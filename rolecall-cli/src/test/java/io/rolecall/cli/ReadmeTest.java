package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.auth.AuthSettings;
import io.rolecall.config.ConfigFile;
import io.rolecall.config.Env;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README as a new user reads it: every key the config file accepts is listed (read from ConfigFile's own key
 * sets, so a new key cannot go undocumented), the example configuration loads, the built-ins it names exist, and it
 * points at no internal document.
 */
class ReadmeTest {
  static final Path README = Path.of("..", "README.md");

  @TempDir
  Path dir;

  @SuppressWarnings("unchecked")
  static Set<String> keys(String field) throws Exception {
    Field f = ConfigFile.class.getDeclaredField(field);
    f.setAccessible(true);
    return (Set<String>) f.get(null);
  }

  @Test
  void everyConfigKeyIsListed() throws Exception {
    String readme = Files.readString(README);
    String section = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Commands"));
    var missing = new ArrayList<String>();
    for (String field : List.of("TOP_KEYS", "INSTANCE_KEYS", "SUPPRESSION_KEYS", "RETENTION_KEYS", "SCHEDULE_KEYS",
        "ENGINE_KEYS")) {
      for (String key : keys(field)) {
        if (!section.contains("`" + key + "`")) {
          missing.add(field + "." + key);
        }
      }
    }
    assertThat(missing).as("config keys the README's Configuration section does not list").isEmpty();
    assertThat(section).contains("`schedules`", "`eventsSince`");
  }

  @Test
  void theExampleConfigurationLoads() throws Exception {
    String readme = Files.readString(README);
    String section = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Commands"));
    var m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(m.find()).isTrue();
    Path file = dir.resolve("rolecall.yaml");
    Files.writeString(file, m.group(1));
    var config = ConfigFile.load(file, Env.of(Map.of("ROLECALL_EXTERNAL_ID", "ext-readme-1")));
    assertThat(config.instanceNames()).containsExactly("prod");
    assertThat(config.schedules()).hasSize(1);
    assertThat(config.suppressions()).hasSize(1);
    assertThat(config.retention()).isNotNull();
    var settings = config.applyInstance("prod", AuthSettings.builder()).build();
    assertThat(settings.roleName()).isEqualTo("RolecallTarget");
  }

  @Test
  void noInternalDocumentIsReferenced() throws Exception {
    String readme = Files.readString(README);
    assertThat(readme).doesNotContain("SPEC §").doesNotContain("SPEC.md").doesNotContainPattern("seed 0\\d\\d");
  }

  @Test
  void theBuiltInsAndFlagsItNamesExist() throws Exception {
    String readme = Files.readString(README);
    for (String line : List.of("policy engine", "policy inventory", "completion bash", "completion zsh")) {
      assertThat(readme).contains("rolecall " + line.split(" ")[0]).contains(line);
      var r = CliRun.inProcess(Map.of(), (line + " --help").split(" "));
      assertThat(r.exit()).as(line + ": " + r.err()).isZero();
    }
    assertThat(CliRun.inProcess(Map.of(), "--version").exit()).isZero();
  }
}
