package io.rolecall.sandbox.service.s3;

import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Xml;
import io.rolecall.sandbox.protocol.XmlReader;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * The four settings of an S3 public access block, for a bucket (S3) or a whole account (S3 Control). Both APIs
 * send and return the same {@code PublicAccessBlockConfiguration} element; a flag left out means false.
 */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {

  public static final PublicAccessBlock ALL_TRUE = new PublicAccessBlock(true, true, true, true);
  public static final PublicAccessBlock ALL_FALSE = new PublicAccessBlock(false, false, false, false);

  /** The configuration document, in the namespace of the API answering. */
  public String xml(String namespace) {
    return "<PublicAccessBlockConfiguration xmlns=\"" + namespace + "\">" + new Xml()
        .el("BlockPublicAcls", blockPublicAcls)
        .el("IgnorePublicAcls", ignorePublicAcls)
        .el("BlockPublicPolicy", blockPublicPolicy)
        .el("RestrictPublicBuckets", restrictPublicBuckets)
        + "</PublicAccessBlockConfiguration>";
  }

  /** Parses a request body; anything but a PublicAccessBlockConfiguration with true/false flags is MalformedXML. */
  public static PublicAccessBlock parse(byte[] body) {
    if (body.length == 0) throw XmlReader.malformed();
    Element root = XmlReader.parse(body);
    if (!XmlReader.localName(root).equals("PublicAccessBlockConfiguration")) throw XmlReader.malformed();
    return new PublicAccessBlock(flag(root, "BlockPublicAcls"), flag(root, "IgnorePublicAcls"),
        flag(root, "BlockPublicPolicy"), flag(root, "RestrictPublicBuckets"));
  }

  private static boolean flag(Element root, String name) {
    return XmlReader.child(root, name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw XmlReader.malformed();
    }).orElse(false);
  }

  /** S3's error when a bucket or account has no configuration. */
  public static AwsException notFound() {
    return AwsException.notFound("NoSuchPublicAccessBlockConfiguration",
        "The public access block configuration was not found");
  }
}
