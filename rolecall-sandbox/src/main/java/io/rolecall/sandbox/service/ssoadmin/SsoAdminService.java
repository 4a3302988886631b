package io.rolecall.sandbox.service.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Json;
import io.rolecall.sandbox.protocol.JsonProtocol;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.protocol.Validation;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.Service;
import io.rolecall.sandbox.service.identitystore.IdentityCenterInstance;
import io.rolecall.sandbox.service.identitystore.IdentityCenterState;
import io.rolecall.sandbox.service.identitystore.IdentityStoreService;
import io.rolecall.sandbox.service.identitystore.PageTokens;
import java.math.BigDecimal;

/**
 * SSO Admin (JSON 1.1, {@code SWBExternalService.*}), only ListInstances: the Identity Center instances of the
 * caller's account in the region signed for, which is how clients discover their identity store id.
 */
public final class SsoAdminService implements Service {
  public static final JsonProtocol PROTOCOL = new JsonProtocol("SWBExternalService", "1.1");

  private final Paginator pages = new Paginator(() -> AwsException.badRequest("ValidationException",
      "The provided NextToken is not valid."));

  @Override public String signingName() { return "sso"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  @Override
  public Reply handle(Call call) {
    if (!call.action().equals("ListInstances")) throw PROTOCOL.unknownOperation(call.action());
    call.authorize("sso:ListInstances", "*");
    JsonNode body = call.json();
    int limit = 100;
    if (body.hasNonNull("MaxResults")) {
      limit = body.get("MaxResults").asInt();
      if (limit < 1) throw AwsException.badRequest("ValidationException", Validation.atLeast("MaxResults", limit, 1));
      if (limit > 100) throw AwsException.badRequest("ValidationException", Validation.atMost("MaxResults", limit, 100));
    }
    String region = IdentityStoreService.region(call);
    var instances = IdentityCenterState.of(call.account()).instances(region);
    var page = pages.page("sso:ListInstances:" + call.account().id() + ":" + region, instances,
        IdentityCenterInstance::instanceArn, PageTokens.decode(body.path("NextToken").asText(null)), limit);
    ObjectNode out = Json.MAPPER.createObjectNode();
    var list = out.putArray("Instances");
    for (var i : page.items()) {
      var n = list.addObject().put("InstanceArn", i.instanceArn()).put("IdentityStoreId", i.identityStoreId())
          .put("OwnerAccountId", i.ownerAccountId());
      if (i.name() != null) n.put("Name", i.name());
      n.put("CreatedDate", BigDecimal.valueOf(i.createdDate().toEpochMilli()).movePointLeft(3)).put("Status", i.status());
    }
    if (page.nextToken() != null) out.put("NextToken", PageTokens.encode(page.nextToken()));
    return PROTOCOL.ok(out);
  }
}
