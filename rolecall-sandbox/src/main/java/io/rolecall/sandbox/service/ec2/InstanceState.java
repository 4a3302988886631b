package io.rolecall.sandbox.service.ec2;

import java.util.Locale;

/** An EC2 instance's lifecycle state, with the code DescribeInstances reports beside the name. */
public enum InstanceState {
  PENDING(0), RUNNING(16), SHUTTING_DOWN(32), TERMINATED(48), STOPPING(64), STOPPED(80);

  private final int code;

  InstanceState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The wire name: running, shutting-down, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
