package io.rolecall.cli.identitycenter;

import io.rolecall.cli.CliRun;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

/** An AWS emulator with an IAM Identity Center instance that the same scenarios run against. */
interface IdentityCenterTarget {
  /** rolecall pointed at the emulator (endpoint, region, keys, a throw-away audit store), then {@code args}. */
  CliRun run(String... args);

  /** An SDK client to seed and read back state. */
  IdentitystoreClient sdk();

  String storeId();

  /** The AWS CLI pointed at the emulator. */
  AwsCli awsCli();

  /** Whether the emulator implements UpdateUser and UpdateGroup (moto_server 5.2 does not). */
  boolean implementsUpdates();
}
