package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.CommandSpec;

/** The context outputs of a user entry ({@code AWS.IAMIdentityCenter.User}, keyed by UserId), declared once. */
final class UserOutputs {
  private UserOutputs() {}

  static CommandSpec.Builder add(CommandSpec.Builder b) {
    String p = CONTEXT + ".User.";
    return b.key(CONTEXT + ".User", "UserId").output(p + "UserId", "string", "The user's id in the identity store (the entry's key).")
        .output(p + "UserName", "string", "The user name, unique in the identity store.")
        .output(p + "DisplayName", "string", "The name shown for the user.")
        .output(p + "Name.GivenName", "string", "Given name.")
        .output(p + "Name.FamilyName", "string", "Family name.")
        .output(p + "Name.Formatted", "string", "The full name formatted for display, if set.")
        .output(p + "Name.MiddleName", "string", "Middle name.")
        .output(p + "Name.HonorificPrefix", "string", "Honorific prefix, such as Dr.")
        .output(p + "Name.HonorificSuffix", "string", "Honorific suffix, such as Jr.")
        .output(p + "Emails.Value", "string", "Email address (unique in the identity store).")
        .output(p + "Emails.Type", "string", "Kind of address, such as work.")
        .output(p + "Emails.Primary", "boolean", "Whether this is the primary address.")
        .output(p + "ExternalIds.Issuer", "string", "Issuer of an id from an external identity provider.")
        .output(p + "ExternalIds.Id", "string", "The id the external identity provider gave the user.")
        .output(p + "NickName", "string", "Alternate name.")
        .output(p + "ProfileUrl", "string", "URL of the user's profile.")
        .output(p + "Title", "string", "Title.")
        .output(p + "UserType", "string", "Type of user, as the organization uses it.")
        .output(p + "PreferredLanguage", "string", "Preferred language.")
        .output(p + "Locale", "string", "Locale.")
        .output(p + "Timezone", "string", "Time zone.")
        .output(p + "Addresses.StreetAddress", "string", "Street address.")
        .output(p + "Addresses.Locality", "string", "Locality (city) of the address.")
        .output(p + "Addresses.Region", "string", "Region (state) of the address.")
        .output(p + "Addresses.PostalCode", "string", "Postal code of the address.")
        .output(p + "Addresses.Country", "string", "Country of the address.")
        .output(p + "Addresses.Formatted", "string", "The address formatted for display.")
        .output(p + "Addresses.Type", "string", "Kind of address, such as work.")
        .output(p + "Addresses.Primary", "boolean", "Whether this is the primary address.")
        .output(p + "PhoneNumbers.Value", "string", "Phone number.")
        .output(p + "PhoneNumbers.Type", "string", "Kind of phone number, such as work.")
        .output(p + "PhoneNumbers.Primary", "boolean", "Whether this is the primary phone number.")
        .output(p + "IdentityStoreId", "string", "The identity store the user is in.");
  }
}
