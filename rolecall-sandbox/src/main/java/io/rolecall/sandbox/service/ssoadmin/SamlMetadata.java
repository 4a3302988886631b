package io.rolecall.sandbox.service.ssoadmin;

import io.rolecall.sandbox.service.identitystore.IdentityCenterInstance;

/**
 * The SAML 2.0 IdP metadata Identity Center registers in each account's {@code AWSSSO_*} provider: its portal's
 * entity id and sign-in endpoints. No signing certificate: the sandbox issues no SAML assertions.
 */
final class SamlMetadata {
  private SamlMetadata() {}

  static String of(IdentityCenterInstance instance) {
    String id = instance.instanceArn().substring(instance.instanceArn().lastIndexOf('/') + 1);
    String base = "https://portal.sso." + instance.region() + ".amazonaws.com/saml";
    String entity = base + "/assertion/" + id;
    var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .append("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"").append(entity)
        .append("\"><md:IDPSSODescriptor WantAuthnRequestsSigned=\"false\"")
        .append(" protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">");
    for (String format : new String[] {"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
        "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
        "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"}) {
      xml.append("<md:NameIDFormat>").append(format).append("</md:NameIDFormat>");
    }
    for (String binding : new String[] {"HTTP-POST", "HTTP-Redirect"}) {
      xml.append("<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:").append(binding)
          .append("\" Location=\"").append(entity).append("\"/>");
    }
    xml.append("<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"")
        .append(base).append("/logout/").append(id).append("\"/>");
    return xml.append("</md:IDPSSODescriptor></md:EntityDescriptor>").toString();
  }
}
