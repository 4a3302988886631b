package io.rolecall.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Which state a read answers from: the current state (each (account, part, region)'s newest successful collection),
 * one past run as it was, or the current state as it stood at a moment (what `diff --since` compares). Each view is
 * a set of pointers (account, part, region → run, collectedAt), given as SQL so reads join items to it in the store.
 */
public sealed interface View {
  /** SELECT account_id, part, region, run_id, collected_at, pruned of the view's pointers. */
  String pointers();

  List<Object> params();

  /** How answers name the view: "current", a run id, or an instant. */
  String label();

  static View current() {
    return new Current();
  }

  static View run(String runId) {
    return new OfRun(runId);
  }

  static View asOf(Instant moment) {
    return new AsOf(moment);
  }

  /** The state right after a run finished: what was current then (named by the run). */
  static View afterRun(String runId, Instant finishedAt) {
    return new AfterRun(runId, new AsOf(finishedAt));
  }

  record Current() implements View {
    @Override public String pointers() {
      return "SELECT account_id, part, region, run_id, collected_at, 0 AS pruned FROM inventory_current";
    }

    @Override public List<Object> params() {
      return List.of();
    }

    @Override public String label() {
      return "current";
    }
  }

  record OfRun(String runId) implements View {
    @Override public String pointers() {
      return "SELECT account_id, part, region, run_id, ended_at AS collected_at, pruned FROM inventory_part"
          + " WHERE run_id = ? AND status = 'ok' AND pruned = 0";
    }

    @Override public List<Object> params() {
      return List.of(runId);
    }

    @Override public String label() {
      return runId;
    }
  }

  /** Pruned collections stay in the view (with no items), so a read can tell "pruned" from "never collected". */
  record AsOf(Instant moment) implements View {
    @Override public String pointers() {
      return "SELECT account_id, part, region, run_id, ended_at AS collected_at, pruned FROM (SELECT p.account_id,"
          + " p.part, p.region, p.run_id, p.ended_at, p.pruned, ROW_NUMBER() OVER (PARTITION BY p.account_id, p.part, p.region"
          + " ORDER BY p.ended_at DESC, p.run_id DESC) AS rn FROM inventory_part p WHERE p.status = 'ok'"
          + " AND p.ended_at <= ?) latest WHERE rn = 1";
    }

    @Override public List<Object> params() {
      return List.of(moment);
    }

    @Override public String label() {
      return moment.toString();
    }
  }

  record AfterRun(String runId, AsOf state) implements View {
    @Override public String pointers() {
      return state.pointers();
    }

    @Override public List<Object> params() {
      return state.params();
    }

    @Override public String label() {
      return runId;
    }
  }
}
