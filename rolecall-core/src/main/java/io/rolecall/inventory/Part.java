package io.rolecall.inventory;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a sync collects, as a unit of current state: IAM once per account ({@link Item#GLOBAL}), EC2 and CloudTrail
 * once per account and region. The latest successful collection of an (account, part, region) is its current
 * state; a failed one leaves the previous state in place and says why.
 */
public enum Part {
  IAM(false),
  EC2(true),
  CLOUDTRAIL(true);

  private final boolean regional;

  Part(boolean regional) {
    this.regional = regional;
  }

  /** The name the store, the JSON and `--services` use. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean regional() {
    return regional;
  }

  public static Part ofId(String id) {
    return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown part " + id));
  }
}
