package io.rolecall.sandbox.service.ec2;

import io.rolecall.sandbox.Account;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** One account's EC2: a separate {@link Ec2Region} per region, created on first use, as EC2 is regional. */
public final class Ec2State {
  private final Account account;
  private final Map<String, Ec2Region> regions = new ConcurrentSkipListMap<>();

  public Ec2State(Account account) {
    this.account = account;
  }

  public Ec2Region region(String region) {
    if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d{1,2}")) {
      throw new IllegalArgumentException("a region looks like us-east-1, got: " + region);
    }
    return regions.computeIfAbsent(region, r -> new Ec2Region(account, r));
  }

  /** The regions used so far. */
  public List<Ec2Region> regions() {
    return List.copyOf(regions.values());
  }
}
