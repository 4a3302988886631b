package io.rolecall.sandbox.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.World;
import io.rolecall.sandbox.auth.Credential;
import io.rolecall.sandbox.auth.Principal;
import io.rolecall.sandbox.http.Request;
import io.rolecall.sandbox.policy.Authorizer;
import io.rolecall.sandbox.protocol.JsonProtocol;
import io.rolecall.sandbox.protocol.QueryParams;

/** One authenticated request as a handler sees it: who calls, in which account, with what parameters. */
public final class Call {
  private final Request request;
  private final Service service;
  private final String action;
  private final Credential caller;
  private final World world;
  private final Authorizer authorizer;
  private final String requestId;
  private QueryParams params;
  private JsonNode json;

  public Call(Request request, Service service, String action, Credential caller, World world, Authorizer authorizer,
              String requestId) {
    this.request = request;
    this.service = service;
    this.action = action;
    this.caller = caller;
    this.world = world;
    this.authorizer = authorizer;
    this.requestId = requestId;
  }

  public Request request() { return request; }

  public String action() { return action; }

  public String requestId() { return requestId; }

  public Credential caller() { return caller; }

  public Principal principal() { return caller.principal(); }

  public World world() { return world; }

  /** The account the call acts on: the caller's. */
  public Account account() {
    return world.account(caller.principal().accountId());
  }

  /** Query-protocol parameters (URL query plus form body). */
  public QueryParams params() {
    if (params == null) params = QueryParams.of(request);
    return params;
  }

  /** The JSON body of a JSON-protocol request. */
  public JsonNode json() {
    if (json == null) json = JsonProtocol.body(request);
    return json;
  }

  /**
   * Checks the caller's identity policies for {@code iamAction} (e.g. "iam:UpdateAccountPasswordPolicy") on
   * {@code resource} (an ARN or "*"); throws the service's AccessDenied error when they do not allow it.
   */
  public void authorize(String iamAction, String resource) {
    if (authorizer.authorize(caller, iamAction, resource, CallRegion.of(this)) instanceof Authorizer.Decision.Denied denied) {
      throw service.accessDenied(denied.message());
    }
  }
}
