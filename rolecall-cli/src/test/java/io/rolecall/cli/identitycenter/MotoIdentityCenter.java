package io.rolecall.cli.identitycenter;

import io.rolecall.cli.CliRun;
import io.rolecall.sandbox.external.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/**
 * A moto_server (third-party emulator) as the target. Moto gives every account and region one Identity Center
 * instance of its own; its store id is read with ListInstances after each reset, as rolecall discovers it too.
 */
final class MotoIdentityCenter implements IdentityCenterTarget {
  /** Moto accepts any keys; these are long enough to be treated as a secret by rolecall's redactor. */
  private static final String KEY = "AKIAMOTOEXAMPLE00001";
  private static final String SECRET = "motoSecretKeyForRolecallTests";

  private final MotoServer moto;
  private final Path db;
  private String storeId;

  MotoIdentityCenter(MotoServer moto) {
    this.moto = moto;
    try {
      this.db = Files.createTempDirectory("rolecall-moto").resolve("audit.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Clears moto's state and reads the store id of its fresh instance. */
  MotoIdentityCenter reset() {
    moto.reset();
    try (var sso = SsoAdminClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      storeId = sso.listInstances(r -> { }).instances().getFirst().identityStoreId();
    }
    return this;
  }

  @Override
  public CliRun run(String... args) {
    var all = new ArrayList<>(List.of("--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1",
        "--access-key", KEY, "--secret-key", SECRET, "--db", db.toString(), "--retries", "0"));
    all.addAll(List.of(args));
    return CliRun.inProcess(Map.of(), all.toArray(String[]::new));
  }

  @Override
  public IdentitystoreClient sdk() {
    return IdentitystoreClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @Override
  public String storeId() {
    return storeId;
  }

  @Override
  public AwsCli awsCli() {
    return new AwsCli(moto.endpoint(), Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET));
  }

  @Override
  public boolean implementsUpdates() {
    return false;
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));
  }
}
