package io.rolecall.store.migration;

import io.rolecall.store.ContentHash;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the items of stores written before V4 into the content-addressed layout: each item's JSON into
 * inventory_data under its hash (the hash SQL cannot compute in SQLite), the item row keyed by part. Streams in
 * batches, so a large old store needs no more memory than a small one. Same for SQLite and PostgreSQL.
 */
public final class V4_1__ContentAddressedItems extends BaseJavaMigration {
  private static final int BATCH = 500;

  @Override
  public void migrate(Context context) throws Exception {
    var c = context.getConnection();
    try (var select = c.prepareStatement("SELECT run_id, account_id, region, kind, item_id, name, data"
            + " FROM inventory_item_v3");
        var data = c.prepareStatement("INSERT INTO inventory_data (hash, data) VALUES (?,?) ON CONFLICT (hash) DO NOTHING");
        var item = c.prepareStatement("INSERT INTO inventory_item (run_id, account_id, part, region, kind, item_id,"
            + " name, data_hash) VALUES (?,?,?,?,?,?,?,?)")) {
      select.setFetchSize(BATCH);
      int n = 0;
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String json = rs.getString(7);
          String hash = ContentHash.of(json);
          data.setString(1, hash);
          data.setString(2, json);
          data.addBatch();
          String region = rs.getString(3);
          item.setString(1, rs.getString(1));
          item.setString(2, rs.getString(2));
          item.setString(3, region.equals("global") ? "iam" : "ec2");
          item.setString(4, region);
          item.setString(5, rs.getString(4));
          item.setString(6, rs.getString(5));
          item.setString(7, rs.getString(6));
          item.setString(8, hash);
          item.addBatch();
          if (++n % BATCH == 0) {
            data.executeBatch();
            item.executeBatch();
          }
        }
      }
      data.executeBatch();
      item.executeBatch();
    }
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE inventory_item_v3");
    }
  }
}
