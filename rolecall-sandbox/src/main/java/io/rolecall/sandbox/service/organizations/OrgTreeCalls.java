package io.rolecall.sandbox.service.organizations;

import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.service.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The structure calls: roots, parents, children, OUs and accounts under a parent. Management account only. */
final class OrgTreeCalls {
  private final Paginator pages;

  OrgTreeCalls(Paginator pages) {
    this.pages = pages;
  }

  Map<String, Object> listRoots(Call call) {
    var r = new OrgRequest(call);
    var org = r.managed();
    var tree = org.structure();
    var root = new java.util.LinkedHashMap<String, Object>();
    root.put("Id", tree.rootId());
    root.put("Arn", tree.rootArn());
    root.put("Name", "Root");
    root.put("PolicyTypes", List.of(OrgJson.enabledScps()));
    return OrgJson.page("Roots", r.page(pages, "organizations:ListRoots:" + org.id(), List.of(root),
        m -> (String) m.get("Id")), m -> m);
  }

  Map<String, Object> listParents(Call call) {
    var r = new OrgRequest(call);
    String childId = r.id("ChildId", OrgRequest.CHILD_ID);
    var tree = r.managed().structure();
    String parent = tree.parentOf(childId).orElseThrow(() -> AwsException.badRequest("ChildNotFoundException",
        "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified."));
    var entry = Map.<String, Object>of("Id", parent, "Type", parent.startsWith("r-") ? "ROOT" : "ORGANIZATIONAL_UNIT");
    return OrgJson.page("Parents", r.page(pages, "organizations:ListParents:" + childId, List.of(entry),
        m -> (String) m.get("Id")), m -> m);
  }

  Map<String, Object> listChildren(Call call) {
    var r = new OrgRequest(call);
    String parentId = r.id("ParentId", OrgRequest.PARENT_ID);
    String type = call.json().path("ChildType").asText(null);
    if (!"ACCOUNT".equals(type) && !"ORGANIZATIONAL_UNIT".equals(type)) {
      throw OrganizationsService.invalidInput("INVALID_ENUM", "You specified an invalid value for ChildType: "
          + type + ".");
    }
    var tree = parent(r, parentId);
    var ids = new ArrayList<String>();
    if (type.equals("ACCOUNT")) ids.addAll(tree.accountsUnder(parentId));
    else tree.unitsUnder(parentId).forEach(u -> ids.add(u.id()));
    var page = r.page(pages, "organizations:ListChildren:" + parentId + ":" + type, ids, id -> id);
    return OrgJson.page("Children", page, id -> Map.of("Id", id, "Type", type));
  }

  Map<String, Object> listUnitsForParent(Call call) {
    var r = new OrgRequest(call);
    String parentId = r.id("ParentId", OrgRequest.PARENT_ID);
    var tree = parent(r, parentId);
    var page = r.page(pages, "organizations:ListOrganizationalUnitsForParent:" + parentId, tree.unitsUnder(parentId),
        OrgUnit::id);
    return OrgJson.page("OrganizationalUnits", page, OrgJson::unit);
  }

  Map<String, Object> listAccountsForParent(Call call) {
    var r = new OrgRequest(call);
    String parentId = r.id("ParentId", OrgRequest.PARENT_ID);
    var org = r.managed();
    requireParent(org.structure(), parentId);
    var accounts = org.structure().accountsUnder(parentId).stream()
        .map(id -> org.account(id).orElseThrow()).toList();
    var page = r.page(pages, "organizations:ListAccountsForParent:" + parentId, accounts, OrgAccount::id);
    return OrgJson.page("Accounts", page, OrgJson::account);
  }

  Map<String, Object> describeUnit(Call call) {
    var r = new OrgRequest(call);
    String ouId = r.id("OrganizationalUnitId", OrgRequest.OU_ID);
    var unit = r.managed().structure().unit(ouId).orElseThrow(() -> AwsException.badRequest(
        "OrganizationalUnitNotFoundException", "We can't find an OU with the OrganizationalUnitId that you specified."));
    return Map.of("OrganizationalUnit", OrgJson.unit(unit));
  }

  private static OrgTree parent(OrgRequest r, String parentId) {
    var tree = r.managed().structure();
    requireParent(tree, parentId);
    return tree;
  }

  private static void requireParent(OrgTree tree, String parentId) {
    if (!tree.isParent(parentId)) {
      throw AwsException.badRequest("ParentNotFoundException",
          "We can't find a root or OU with the ParentId that you specified.");
    }
  }
}
