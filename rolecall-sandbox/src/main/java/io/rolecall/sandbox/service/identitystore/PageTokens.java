package io.rolecall.sandbox.service.identitystore;

/**
 * The shared {@code Paginator}'s tokens hold a '.', which the Identity Store and SSO Admin token patterns
 * ({@code [-a-zA-Z0-9+=/:_]*}, {@code [-a-zA-Z0-9+=/_]*}) do not allow; '/' is allowed and never occurs in the
 * paginator's base64url text, so swapping the two keeps tokens opaque, valid and reversible.
 */
public final class PageTokens {
  private PageTokens() {}

  public static String encode(String paginatorToken) {
    return paginatorToken == null ? null : paginatorToken.replace('.', '/');
  }

  public static String decode(String wireToken) {
    return wireToken == null ? null : wireToken.replace('/', '.');
  }
}
