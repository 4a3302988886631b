package io.rolecall.command;

/** One context output of a command: an XSOAR context path, its type and meaning. */
public record OutputSpec(String path, String type, String description) {
  public static OutputSpec of(String path, String type, String description) {
    return new OutputSpec(path, type, description);
  }
}
