package io.rolecall.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVolumePermission;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * One account's EBS snapshots and AMIs in one region, those it owns ({@code OwnerIds=self}, {@code Owners=self}),
 * with who may use them: a snapshot's create-volume permission takes one DescribeSnapshotAttribute each (EC2 lists
 * no sharing with the snapshot); an AMI's public flag comes with DescribeImages, and the accounts it is shared with
 * from DescribeImageAttribute (launchPermission) each. Items hold {@code public} and {@code sharedWith}.
 */
final class SnapshotCollector {
  private final Ec2Client ec2;
  private final String accountId;
  private final String region;
  private final StoreWriter writer;

  SnapshotCollector(Ec2Client ec2, String accountId, String region, StoreWriter writer) {
    this.ec2 = ec2;
    this.accountId = accountId;
    this.region = region;
    this.writer = writer;
  }

  void collect() {
    IamCollector.call("ec2:DescribeSnapshots in " + region, () -> {
      for (var page : ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").maxResults(Ec2Collector.PAGE))) {
        var items = new ArrayList<Item>();
        for (var s : page.snapshots()) {
          var shared = IamCollector.call("ec2:DescribeSnapshotAttribute for " + s.snapshotId() + " in " + region,
              () -> ec2.describeSnapshotAttribute(r -> r.snapshotId(s.snapshotId())
                  .attribute("createVolumePermission")).createVolumePermissions());
          items.add(item(Kind.SNAPSHOT, s.snapshotId(), name(s.tags(), s.description()), Nodes.of(
              "snapshotId", s.snapshotId(), "volumeId", s.volumeId(), "description", s.description(),
              "startTime", s.startTime(), "encrypted", s.encrypted(), "state", s.stateAsString(),
              "public", shared.stream().anyMatch(p -> p.group() == PermissionGroup.ALL),
              "sharedWith", accounts(shared.stream().map(CreateVolumePermission::userId).toList()))));
        }
        writer.items(items);
      }
      return null;
    });
    IamCollector.call("ec2:DescribeImages in " + region, () -> {
      // DescribeImages is not paginated by the SDK for Owners=self in every version: one call, its pages followed.
      String token = null;
      do {
        String next = token;
        var page = ec2.describeImages(r -> r.owners("self").maxResults(Ec2Collector.PAGE).nextToken(next));
        var items = new ArrayList<Item>();
        for (var i : page.images()) {
          var shared = IamCollector.call("ec2:DescribeImageAttribute for " + i.imageId() + " in " + region,
              () -> ec2.describeImageAttribute(r -> r.imageId(i.imageId()).attribute("launchPermission"))
                  .launchPermissions());
          items.add(item(Kind.IMAGE, i.imageId(), i.name(), Nodes.of("imageId", i.imageId(), "name", i.name(),
              "description", i.description(), "creationDate", i.creationDate(), "state", i.stateAsString(),
              "public", Boolean.TRUE.equals(i.publicLaunchPermissions())
                  || shared.stream().anyMatch(p -> p.group() == PermissionGroup.ALL),
              "sharedWith", accounts(shared.stream().map(p -> p.userId()).toList()))));
        }
        writer.items(items);
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
      return null;
    });
  }

  private Item item(Kind kind, String id, String name, ObjectNode data) {
    return new Item(kind, accountId, region, id, name, data);
  }

  private static List<String> accounts(List<String> ids) {
    return List.copyOf(new TreeSet<>(ids.stream().filter(java.util.Objects::nonNull).toList()));
  }

  private static String name(List<Tag> tags, String fallback) {
    return tags.stream().filter(t -> "Name".equals(t.key())).map(Tag::value).findFirst().orElse(fallback);
  }
}
