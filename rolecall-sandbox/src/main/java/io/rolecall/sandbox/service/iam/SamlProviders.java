package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Ids;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * One account's SAML identity providers. Only services create them here (Identity Center's
 * {@code AWSSSO_<hex>_DO_NOT_DELETE}); IAM's CreateSAMLProvider is not emulated. Thread-safe.
 */
public final class SamlProviders {
  /** Providers whose metadata carries no expiry stay valid for a century, as IAM shows for Identity Center's. */
  static final Duration VALIDITY = Duration.ofDays(36_500);

  private final Account account;
  private final Map<String, SamlProvider> byArn = new ConcurrentSkipListMap<>();

  private SamlProviders(Account account) {
    this.account = account;
  }

  public static SamlProviders of(Account account) {
    return account.state(SamlProviders.class, () -> new SamlProviders(account));
  }

  /** The provider named {@code name}, created with {@code metadata} if the account has none of that name yet. */
  public SamlProvider ensure(String name, Supplier<String> metadata) {
    String arn = "arn:aws:iam::" + account.id() + ":saml-provider/" + name;
    return byArn.computeIfAbsent(arn, a -> {
      var now = account.world().clock().now();
      return new SamlProvider(a, name, Ids.stableHex(32, a).toUpperCase(java.util.Locale.ROOT), metadata.get(), now,
          now.plus(VALIDITY));
    });
  }

  public Optional<SamlProvider> provider(String arn) {
    return Optional.ofNullable(byArn.get(arn));
  }

  /** Every provider, by ARN. */
  public List<SamlProvider> list() {
    return List.copyOf(byArn.values());
  }
}
