package io.rolecall.sandbox.service.s3;

import java.time.Instant;

/**
 * An S3 bucket: owned by one account, living in one region. {@code publicAccessBlock} is null when the bucket has
 * none (then S3 answers NoSuchPublicAccessBlockConfiguration). Immutable: changes replace the record.
 */
public record Bucket(String name, String ownerAccountId, String region, Instant creationDate,
                     PublicAccessBlock publicAccessBlock) {

  public String arn() {
    return "arn:aws:s3:::" + name;
  }

  public Bucket withPublicAccessBlock(PublicAccessBlock block) {
    return new Bucket(name, ownerAccountId, region, creationDate, block);
  }
}
