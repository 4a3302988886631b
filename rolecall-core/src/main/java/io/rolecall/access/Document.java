package io.rolecall.access;

import java.util.List;

/** A parsed policy document. Unreadable: not a JSON policy (hostile or damaged), so it grants and denies nothing. */
record Document(List<Statement> statements, boolean readable) {
  static final Document UNREADABLE = new Document(List.of(), false);
}
