package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.CommandSpec;

/** The context outputs of a group entry ({@code AWS.IAMIdentityCenter.Group}, keyed by GroupId), declared once. */
final class GroupOutputs {
  private GroupOutputs() {}

  static CommandSpec.Builder add(CommandSpec.Builder b) {
    String p = CONTEXT + ".Group.";
    return b.key(CONTEXT + ".Group", "GroupId").output(p + "GroupId", "string", "The group's id in the identity store (the entry's key).")
        .output(p + "DisplayName", "string", "The group's name, unique in the identity store.")
        .output(p + "Description", "string", "The group's description.")
        .output(p + "ExternalIds.Issuer", "string", "Issuer of an id from an external identity provider.")
        .output(p + "ExternalIds.Id", "string", "The id the external identity provider gave the group.")
        .output(p + "IdentityStoreId", "string", "The identity store the group is in.");
  }
}
