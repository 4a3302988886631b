package io.rolecall.access;

import java.util.List;

/** One hop: {@code grant} explains it (policy and statement), {@code conditions} are the keys it depends on. */
record Edge(Node from, Node to, EdgeType type, String grant, List<String> conditions) {}
