package io.rolecall.cli;

/** Entry point of bin/rolecall. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
