package io.rolecall.sandbox.service.ec2;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * An EBS snapshot, or (with {@code image} true) an AMI, with who may use it: {@code sharedWith} holds account ids
 * and the group "all" (public). For a snapshot that is its createVolumePermission, for an AMI its launchPermission.
 */
public record Ec2Snapshot(String id, boolean image, String ownerId, String name, String description, Instant created,
                          Set<String> sharedWith) {
  public static final String ALL = "all";

  public Ec2Snapshot {
    sharedWith = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(sharedWith));
  }

  public boolean isPublic() {
    return sharedWith.contains(ALL);
  }

  public Ec2Snapshot withSharing(Set<String> sharing) {
    return new Ec2Snapshot(id, image, ownerId, name, description, created, sharing);
  }

  public Ec2Snapshot withDescription(String text) {
    return new Ec2Snapshot(id, image, ownerId, name, text, created, sharedWith);
  }
}
