// DuckDB (in memory) and a private ClickHouse (scripts/clickhouse.mjs) holding the same normalized tables.
import type { CrmTables } from '../../src/data/types.js';
import { ClickHouseEngine } from '../../src/server/clickhouse-engine.js';
import { DuckDBEngine } from '../../src/server/duckdb-engine.js';
import { loadTablesIntoClickHouse, loadTablesIntoDuckDB } from '../../src/server/load-tables.js';
import { ServerEngine } from '../../src/server/server-engine.js';
// @ts-expect-error plain ESM script without types
import { startClickHouse } from '../../scripts/clickhouse.mjs';

export interface TestEngines {
  duckdb: DuckDBEngine;
  clickhouse: ClickHouseEngine;
  stop(): Promise<void>;
}

/** Starts both engines. Without ClickHouse installed this throws a message saying how to install it. */
export async function startEngines(): Promise<TestEngines> {
  const ch = (await startClickHouse()) as { url: string; stop(): Promise<void> };
  const duckdb = await DuckDBEngine.open(':memory:');
  const clickhouse = new ClickHouseEngine({ url: ch.url });
  return {
    duckdb,
    clickhouse,
    async stop() {
      await duckdb.close();
      await ch.stop();
    },
  };
}

/** Loads one dataset into both engines under `name_orders` / `name_customers` and opens the query layers. */
export async function loadDataset(engines: TestEngines, name: string, tables: CrmTables) {
  const names = { orders: `${name}_orders`, customers: `${name}_customers` };
  await loadTablesIntoDuckDB(engines.duckdb, tables, names);
  await loadTablesIntoClickHouse(engines.clickhouse, tables, names);
  const config = { orders: names.orders, customers: tables.customers ? names.customers : undefined, rowOrder: 'row_no' };
  // The same rows without `order_kind`: a warehouse table the normalizer never saw (kinds from status and sign).
  const columns = [...(await engines.duckdb.describe(`"${names.orders}"`)).keys()].filter((c) => c !== 'order_kind').join(', ');
  const plain = `${name}_orders_without_kind`;
  await engines.duckdb.connection.run(`CREATE OR REPLACE VIEW ${plain} AS SELECT ${columns} FROM ${names.orders}`);
  await engines.clickhouse.execute(`DROP TABLE IF EXISTS ${plain}`);
  await engines.clickhouse.execute(`CREATE VIEW ${plain} AS SELECT ${columns} FROM ${names.orders}`);
  const plainConfig = { ...config, orders: plain };
  // And through a Distributed table over the one-shard test cluster (scripts/clickhouse.mjs), as on a cluster.
  const dist = `${name}_orders_distributed`;
  await engines.clickhouse.execute(`DROP TABLE IF EXISTS ${dist}`);
  await engines.clickhouse.execute(`CREATE TABLE ${dist} AS ${names.orders} ENGINE = Distributed(crm_local, default, ${names.orders})`);
  return {
    duckdb: await ServerEngine.create(engines.duckdb, config),
    clickhouse: await ServerEngine.create(engines.clickhouse, config),
    'duckdb (no order_kind column)': await ServerEngine.create(engines.duckdb, plainConfig),
    'clickhouse (no order_kind column)': await ServerEngine.create(engines.clickhouse, plainConfig),
    'clickhouse (Distributed table)': await ServerEngine.create(engines.clickhouse, { ...config, orders: dist }),
  };
}
