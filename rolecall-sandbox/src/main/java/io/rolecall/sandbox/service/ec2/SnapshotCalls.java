package io.rolecall.sandbox.service.ec2;

import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Ec2Protocol;
import io.rolecall.sandbox.protocol.Xml;
import io.rolecall.sandbox.service.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * EBS snapshots and AMIs and who may use them: DescribeSnapshots/DescribeImages (by owner, by id), and
 * Describe/ModifySnapshotAttribute (createVolumePermission), Describe/ModifyImageAttribute (launchPermission,
 * description). A permission is an account id or the group "all" (public), as in EC2.
 */
final class SnapshotCalls {
  private final Paginator pages = new Paginator(() ->
      AwsException.badRequest("InvalidParameterValue", "The value passed for nextToken is invalid."));

  Reply describe(Call call, Ec2Region region, Ec2Params p, boolean images) {
    call.authorize(images ? "ec2:DescribeImages" : "ec2:DescribeSnapshots", "*");
    var owners = p.list(images ? "Owner" : "Owner");
    owners.addAll(p.list("OwnerId"));
    var ids = p.list(images ? "ImageId" : "SnapshotId");
    for (String id : ids) {
      if (!id.matches((images ? "ami" : "snap") + "-([0-9a-f]{8}|[0-9a-f]{17})")) {
        throw AwsException.badRequest(images ? "InvalidAMIID.Malformed" : "InvalidSnapshotID.Malformed",
            "Invalid id: \"" + id + "\"");
      }
      region.requireSnapshot(id, images);
    }
    var selected = region.snapshots(images).stream()
        .filter(s -> ids.isEmpty() || ids.contains(s.id()))
        .filter(s -> owners.isEmpty() || owners.contains("self") && s.ownerId().equals(call.account().id())
            || owners.contains(s.ownerId()))
        .toList();
    Integer max = p.get("MaxResults") == null ? null : p.integer("MaxResults", 5, 1000);
    String scope = call.action() + ":" + region.accountId() + ":" + region.region() + ":" + owners + ids;
    var page = pages.page(scope, selected, Ec2Snapshot::id, p.get("NextToken"), max == null ? Integer.MAX_VALUE : max);
    return Ec2Protocol.EC2.ok(call.action(), call.requestId(), x -> x
        .list(images ? "imagesSet" : "snapshotSet", "item", page.items(), (i, s) -> item(i, s))
        .el("nextToken", page.nextToken()));
  }

  private static void item(Xml x, Ec2Snapshot s) {
    if (s.image()) {
      x.el("imageId", s.id()).el("imageLocation", s.ownerId() + "/" + s.name()).el("imageState", "available")
          .el("imageOwnerId", s.ownerId()).el("creationDate", Xml.date(s.created())).el("isPublic", s.isPublic())
          .el("architecture", "x86_64").el("imageType", "machine").el("name", s.name())
          .el("description", s.description()).el("rootDeviceType", "ebs").el("rootDeviceName", "/dev/xvda")
          .el("virtualizationType", "hvm").nest("tagSet", t -> { });
    } else {
      x.el("snapshotId", s.id()).el("volumeId", "vol-" + s.id().substring(5)).el("status", "completed")
          .el("startTime", Xml.date(s.created())).el("progress", "100%").el("ownerId", s.ownerId())
          .el("volumeSize", 8).el("description", s.description()).el("encrypted", false)
          .el("storageTier", "standard").nest("tagSet", t -> { });
    }
  }

  Reply describeAttribute(Call call, Ec2Region region, Ec2Params p, boolean image) {
    String id = p.require(image ? "ImageId" : "SnapshotId");
    String attribute = p.require("Attribute");
    String permission = image ? "launchPermission" : "createVolumePermission";
    if (!attribute.equals(permission) && !(image && attribute.equals("description"))) {
      throw AwsException.badRequest("InvalidParameterValue", "Value (" + attribute + ") for parameter attribute is"
          + " invalid. Unknown attribute.");
    }
    call.authorize(image ? "ec2:DescribeImageAttribute" : "ec2:DescribeSnapshotAttribute", arn(region, id, image));
    var s = region.requireSnapshot(id, image);
    return Ec2Protocol.EC2.ok(call.action(), call.requestId(), x -> {
      x.el(image ? "imageId" : "snapshotId", s.id());
      if (attribute.equals("description")) {
        x.nest("description", d -> d.el("value", s.description()));
      } else {
        x.list(permission, "item", s.sharedWith(), (i, who) -> {
          if (who.equals(Ec2Snapshot.ALL)) i.el("group", who);
          else i.el("userId", who);
        });
      }
    });
  }

  /**
   * Adds or removes users and groups ("all") in the permission, given either as {@code OperationType} with
   * {@code UserId.N}/{@code UserGroup.N} or as {@code <Permission>.Add.N.Group|UserId} / {@code .Remove.N...}.
   */
  Reply modifyAttribute(Call call, Ec2Region region, Ec2Params p, boolean image) {
    String id = p.require(image ? "ImageId" : "SnapshotId");
    if (!id.matches((image ? "ami" : "snap") + "-([0-9a-f]{8}|[0-9a-f]{17})")) {
      throw AwsException.badRequest(image ? "InvalidAMIID.Malformed" : "InvalidSnapshotID.Malformed",
          "Invalid id: \"" + id + "\"");
    }
    String permission = image ? "LaunchPermission" : "CreateVolumePermission";
    var add = new ArrayList<String>();
    var remove = new ArrayList<String>();
    String op = p.choice("OperationType", List.of("add", "remove"));
    if (op != null) {
      var who = new ArrayList<String>(p.list("UserId"));
      who.addAll(p.list("UserGroup"));
      (op.equals("add") ? add : remove).addAll(who);
    }
    for (String dir : List.of("Add", "Remove")) {
      for (int i = 1; ; i++) {
        String group = p.get(permission + "." + dir + "." + i + ".Group");
        String user = p.get(permission + "." + dir + "." + i + ".UserId");
        if (group == null && user == null) break;
        (dir.equals("Add") ? add : remove).add(group != null ? group : user);
      }
    }
    String description = image ? p.get("Description.Value") : null;
    for (String who : add) {
      if (!who.equals(Ec2Snapshot.ALL) && !who.matches("\\d{12}")) {
        throw AwsException.badRequest("InvalidParameterValue", "Invalid user or group: " + who);
      }
    }
    if (add.isEmpty() && remove.isEmpty() && description == null) {
      throw AwsException.badRequest("MissingParameter", "The request must contain the parameter "
          + (image ? "launchPermission" : "createVolumePermission"));
    }
    call.authorize(image ? "ec2:ModifyImageAttribute" : "ec2:ModifySnapshotAttribute", arn(region, id, image));
    region.requireSnapshot(id, image);
    if (p.flag("DryRun")) throw Ec2Errors.dryRun();
    region.updateSnapshot(id, image, s -> {
      Set<String> sharing = new TreeSet<>(s.sharedWith());
      sharing.addAll(add);
      remove.forEach(sharing::remove);
      var changed = s.withSharing(sharing);
      return description == null ? changed : changed.withDescription(description);
    });
    return Ec2Protocol.EC2.ok(call.action(), call.requestId(), x -> x.el("return", true));
  }

  private static String arn(Ec2Region region, String id, boolean image) {
    return "arn:aws:ec2:" + region.region() + (image ? "::image/" : "::snapshot/") + id;
  }
}
