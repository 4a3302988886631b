package io.rolecall.access;

/** How one node leads to another. */
enum EdgeType {
  MEMBER_OF("member-of"),
  ASSIGNED("assigned"),
  CAN_ASSUME("can-assume");

  final String id;

  EdgeType(String id) {
    this.id = id;
  }
}
