package io.rolecall.sandbox.service.iam;

import java.time.Instant;

/** An IAM SAML identity provider: IAM ListSAMLProviders and GetSAMLProvider describe it. */
public record SamlProvider(String arn, String name, String uuid, String metadataDocument, Instant createDate,
                           Instant validUntil) {}
