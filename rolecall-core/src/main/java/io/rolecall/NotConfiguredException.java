package io.rolecall;

/**
 * A setting every AWS call needs is set nowhere (no region, no credentials): exit 2, like any usage error. Its own
 * type lets a front end add where the setting could come from (the config file's instances, say).
 */
public class NotConfiguredException extends UsageException {
  public NotConfiguredException(String message) {
    super(message);
  }
}
