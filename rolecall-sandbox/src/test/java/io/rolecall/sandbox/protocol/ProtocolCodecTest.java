package io.rolecall.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.auth.AuthFailure;
import io.rolecall.sandbox.fault.FaultKind;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.Request;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Envelopes of the protocols no service uses yet (EC2, JSON, REST-XML), and the shared query one. */
class ProtocolCodecTest {

  static Document xml(Reply reply) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(reply.body()));
  }

  static String text(Document d, String tag) {
    return d.getElementsByTagName(tag).item(0).getTextContent();
  }

  @Test
  void queryEnvelopes() throws Exception {
    var q = new QueryProtocol("https://iam.amazonaws.com/doc/2010-05-08/");
    var ok = xml(q.ok("GetUser", "rid-1", x -> x.nest("User", u -> u.el("UserName", "a&b"))));
    assertThat(ok.getDocumentElement().getLocalName()).isEqualTo("GetUserResponse");
    assertThat(ok.getDocumentElement().getNamespaceURI()).isEqualTo("https://iam.amazonaws.com/doc/2010-05-08/");
    assertThat(text(ok, "UserName")).isEqualTo("a&b");
    assertThat(text(ok, "RequestId")).isEqualTo("rid-1");
    assertThat(q.ok("DeleteAccountPasswordPolicy", "r").bodyText()).isEqualTo("<DeleteAccountPasswordPolicyResponse "
        + "xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ResponseMetadata><RequestId>r</RequestId>"
        + "</ResponseMetadata></DeleteAccountPasswordPolicyResponse>");
    var err = q.error(q.injected(FaultKind.SERVER_ERROR), "rid-2");
    assertThat(err.status()).isEqualTo(500);
    assertThat(text(xml(err), "Type")).isEqualTo("Receiver");
    assertThat(text(xml(err), "Code")).isEqualTo("InternalFailure");
  }

  @Test
  void ec2Envelopes() throws Exception {
    var e = Ec2Protocol.EC2;
    var err = e.error(e.injected(FaultKind.THROTTLE), "rid-3");
    assertThat(err.status()).isEqualTo(503);
    var d = xml(err);
    assertThat(d.getDocumentElement().getTagName()).isEqualTo("Response");
    assertThat(text(d, "Code")).isEqualTo("RequestLimitExceeded");
    assertThat(text(d, "RequestID")).isEqualTo("rid-3");
    assertThat(d.getElementsByTagName("Errors").getLength()).isEqualTo(1);
    var ok = xml(e.ok("DescribeInstances", "rid-4", x -> x.nest("reservationSet", r -> {})));
    assertThat(ok.getDocumentElement().getLocalName()).isEqualTo("DescribeInstancesResponse");
    assertThat(text(ok, "requestId")).isEqualTo("rid-4");
    assertThat(e.authFailure(AuthFailure.Kind.UNKNOWN_KEY).code()).isEqualTo("AuthFailure");
  }

  @Test
  void jsonEnvelopes() {
    var j = new JsonProtocol("AWSIdentityStore", "1.1");
    var request = new Request("POST", "/", "", Map.of("X-Amz-Target", List.of("AWSIdentityStore.DescribeUser")), new byte[0]);
    assertThat(j.action(request)).isEqualTo("DescribeUser");
    var foreign = new Request("POST", "/", "", Map.of("X-Amz-Target", List.of("Other.DescribeUser")), new byte[0]);
    assertThatThrownBy(() -> j.action(foreign))
        .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("UnknownOperationException"));
    var err = j.error(j.injected(FaultKind.THROTTLE), "rid");
    assertThat(err.status()).isEqualTo(400);
    assertThat(err.contentType()).isEqualTo("application/x-amz-json-1.1");
    assertThat(err.headers()).containsEntry("x-amzn-ErrorType", "ThrottlingException");
    assertThat(err.bodyText()).isEqualTo("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
    assertThat(j.ok(Map.of("UserId", "u-1")).bodyText()).isEqualTo("{\"UserId\":\"u-1\"}");
  }

  @Test
  void restXmlEnvelopes() throws Exception {
    var r = new RestXmlProtocol();
    var err = r.error(r.injected(FaultKind.THROTTLE), "rid-5");
    assertThat(err.status()).isEqualTo(503);
    assertThat(text(xml(err), "Code")).isEqualTo("SlowDown");
    assertThat(err.headers()).containsEntry("x-amz-request-id", "rid-5").containsKey("x-amz-id-2");
    assertThat(r.authFailure(AuthFailure.Kind.UNKNOWN_KEY).code()).isEqualTo("InvalidAccessKeyId");
  }
}
