package io.rolecall.sandbox.service.ec2network;

import io.rolecall.sandbox.Account;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One account's EC2 networks, per region: {@code Ec2Network.of(account).region("us-east-1").createVpc(...)}. */
public final class Ec2Network {
  private final String accountId;
  private final Map<String, RegionNetwork> regions = new ConcurrentHashMap<>();

  private Ec2Network(String accountId) {
    this.accountId = accountId;
  }

  public static Ec2Network of(Account account) {
    return account.state(Ec2Network.class, () -> new Ec2Network(account.id()));
  }

  public RegionNetwork region(String region) {
    return regions.computeIfAbsent(region, r -> new RegionNetwork(accountId, r));
  }
}
