package io.rolecall.cli.identitycenter;

import io.rolecall.audit.AuditEntry;
import io.rolecall.cli.CliRun;
import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.service.identitystore.IdentityStore;
import io.rolecall.store.Store;
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

/**
 * A sandbox with account 111111111111, an operator's keys and an IAM Identity Center instance (a fixed store id,
 * so ids repeat run to run), plus the rolecall command line pointed at it: {@link #run} is what a user types after
 * {@code rolecall}, with the endpoint, region, keys and a throw-away audit store filled in.
 */
final class SandboxIdentityCenter implements IdentityCenterTarget, AutoCloseable {
  static final String ACCOUNT = "111111111111";
  static final String STORE_ID = "d-9067c1a2b3";

  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account(ACCOUNT).iam().createUserWithAccessKey("ops");
  final IdentityStore store = sb.account(ACCOUNT).identityCenter().createInstance("us-east-1", STORE_ID);
  final Path db;

  SandboxIdentityCenter() {
    try {
      db = Files.createTempDirectory("rolecall-ic").resolve("audit.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CliRun run(String... args) {
    return runAs(ops, args);
  }

  /** rolecall as the holder of {@code key}. */
  CliRun runAs(AccessKey key, String... args) {
    var all = new ArrayList<>(List.of("--endpoint-url", sb.endpoint().toString(), "--region", "us-east-1",
        "--access-key", key.accessKeyId(), "--secret-key", key.secretAccessKey(), "--db", db.toString(),
        "--retries", "0"));
    all.addAll(List.of(args));
    return CliRun.inProcess(Map.of(), all.toArray(String[]::new));
  }

  /** The audit journal the runs wrote to, most recent first. */
  List<AuditEntry> journal() {
    try (var store = Store.open(db.toString())) {
      return store.auditJournal().recent(100);
    }
  }

  @Override
  public String storeId() {
    return store.id();
  }

  @Override
  public AwsCli awsCli() {
    return new AwsCli(sb.endpoint(), ops.env());
  }

  @Override
  public boolean implementsUpdates() {
    return true;
  }

  @Override
  public IdentitystoreClient sdk() {
    return IdentitystoreClient.builder().endpointOverride(sb.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ops.accessKeyId(), ops.secretAccessKey())))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @Override
  public void close() {
    sb.close();
  }
}
