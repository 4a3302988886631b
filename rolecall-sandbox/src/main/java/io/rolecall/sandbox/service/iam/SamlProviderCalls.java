package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.service.Call;

/** IAM ListSAMLProviders (not paginated, as in IAM) and GetSAMLProvider, for the caller's account. */
final class SamlProviderCalls {

  Reply list(Call call) {
    call.authorize("iam:ListSAMLProviders", "*");
    var providers = SamlProviders.of(call.account()).list();
    return IamService.ok(call, x -> x.list("SAMLProviderList", "member", providers, (m, p) -> m
        .el("Arn", p.arn()).el("ValidUntil", p.validUntil()).el("CreateDate", p.createDate())));
  }

  Reply get(Call call) {
    String arn = call.params().require("SAMLProviderArn");
    call.authorize("iam:GetSAMLProvider", arn);
    var p = SamlProviders.of(call.account()).provider(arn)
        .orElseThrow(() -> IamState.noSuchEntity("SAMLProvider " + arn + " does not exist."));
    return IamService.ok(call, x -> x.el("SAMLProviderUUID", p.uuid()).el("SAMLMetadataDocument", p.metadataDocument())
        .el("CreateDate", p.createDate()).el("ValidUntil", p.validUntil()));
  }
}
