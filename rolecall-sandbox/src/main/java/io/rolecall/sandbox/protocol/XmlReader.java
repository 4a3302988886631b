package io.rolecall.sandbox.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the XML request bodies of REST-XML services (S3, S3 Control). Namespaces are ignored (clients send them, AWS
 * does not require them) and DTDs are refused: a request body is untrusted input.
 */
public final class XmlReader {
  private XmlReader() {}

  /** The document's root element; a body that is not well-formed XML is S3's MalformedXML. */
  public static Element parse(byte[] body) {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
    } catch (SAXException | IOException e) {
      throw malformed();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of the first direct child named {@code name}, trimmed. */
  public static Optional<String> child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName(e).equals(name)) {
        return Optional.of(e.getTextContent().trim());
      }
    }
    return Optional.empty();
  }

  /** The element's name without any prefix. */
  public static String localName(Element e) {
    String name = e.getTagName();
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }

  public static AwsException malformed() {
    return AwsException.badRequest("MalformedXML",
        "The XML you provided was not well-formed or did not validate against our published schema");
  }
}
