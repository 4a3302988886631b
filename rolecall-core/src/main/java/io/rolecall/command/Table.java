package io.rolecall.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The human-readable part of a result: a titled table, plus an optional note shown instead of rows
 * when there are none (e.g. "No password policy is set").
 */
public record Table(String title, List<String> columns, List<List<Object>> rows, String note) {
  public Table {
    columns = List.copyOf(columns);
    rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
  }

  public static Table of(String title, String... columns) {
    return new Table(title, Arrays.asList(columns), List.of(), null);
  }

  /** A copy with one more row; values may be null (rendered empty). */
  public Table row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
    }
    var all = new ArrayList<>(rows);
    all.add(Arrays.asList(values));
    return new Table(title, columns, all, note);
  }

  public Table withNote(String text) {
    return new Table(title, columns, rows, text);
  }
}
