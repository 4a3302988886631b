package io.rolecall.sandbox.service.identitystore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A user of an identity store. {@code attributes} holds the user's attributes in the service's own JSON shape
 * (UserName, Name, DisplayName, Emails...), so requests and responses map onto it without translation; it is never
 * modified after construction (updates build a new user).
 */
public record StoreUser(String userId, ObjectNode attributes, Instant createdAt, Instant updatedAt) {

  public String userName() {
    return attributes.path("UserName").asText(null);
  }

  public String displayName() {
    return attributes.path("DisplayName").asText(null);
  }

  /** The user's email address (Identity Center keeps at most one), or null. */
  public String email() {
    var emails = attributes.path("Emails");
    return emails.isArray() && !emails.isEmpty() ? emails.get(0).path("Value").asText(null) : null;
  }
}
