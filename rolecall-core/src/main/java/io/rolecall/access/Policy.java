package io.rolecall.access;

/**
 * A document under the name a grant is explained by: a managed policy's ARN, or "&lt;owner ARN&gt; inline
 * 'name'", or a permission set's part.
 */
record Policy(String label, Document document) {
  String grant(Statement s) {
    return label + " statement " + s.label();
  }
}
