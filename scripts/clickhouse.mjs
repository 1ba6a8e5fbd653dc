// A private, unprivileged ClickHouse for tests and benchmarks: Debian's clickhouse-server (18.16) started on
// 127.0.0.1 with its own config, data dir and free ports under a temp dir, as `nobody` when run as root.
// `startClickHouse()` resolves with { url, stop }; `node scripts/clickhouse.mjs` starts one and prints its URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = process.env.CLICKHOUSE_SERVER ?? '/usr/sbin/clickhouse-server';

export const INSTALL_HINT =
  'ClickHouse is needed for the server-engine parity tests. Install Debian\'s package: ' +
  'apt-get install -y clickhouse-server (or set CLICKHOUSE_URL to a running server\'s HTTP interface, or CLICKHOUSE_SERVER to its binary).';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const config = (dir, http, tcp) => `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/log/server.log</log><errorlog>${dir}/log/error.log</errorlog><console>0</console></logger>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
  <!-- A one-shard cluster on this server, so tests can query a Distributed table as on a real cluster. -->
  <remote_servers><crm_local><shard><replica><host>127.0.0.1</host><port>${tcp}</port></replica></shard></crm_local></remote_servers>
</yandex>
`;

const users = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;

async function waitReady(url, child, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) return false;
    try {
      const r = await fetch(`${url}/ping`);
      if (r.ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/**
 * Makes sure a ClickHouse server is there for the tests: CLICKHOUSE_URL, or the binary; when missing and we
 * are root on Debian, installs Debian's clickhouse-server (as for Chromium); otherwise exits with how to get it.
 */
export function ensureClickHouse() {
  if (process.env.CLICKHOUSE_URL || existsSync(SERVER)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No ClickHouse found: installing Debian\'s "clickhouse-server" package (apt-get install -y clickhouse-server)…');
    spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clickhouse-server'], { stdio: 'inherit' });
    if (existsSync(SERVER)) return;
  }
  console.error(`No ClickHouse server found at ${SERVER}. ${INSTALL_HINT}`);
  process.exit(1);
}

/** Starts a private ClickHouse (or uses CLICKHOUSE_URL). Throws with INSTALL_HINT when there is none. */
export async function startClickHouse() {
  if (process.env.CLICKHOUSE_URL) return { url: process.env.CLICKHOUSE_URL.replace(/\/$/, ''), stop: async () => {}, errorLog: () => '', exited: () => false };
  if (!existsSync(SERVER)) throw new Error(`${SERVER} not found. ${INSTALL_HINT}`);
  const dir = mkdtempSync(join(tmpdir(), 'crm-lens-clickhouse-'));
  for (const d of ['log', 'data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(join(dir, d));
  const [http, tcp] = [await freePort(), await freePort()];
  writeFileSync(join(dir, 'config.xml'), config(dir, http, tcp));
  writeFileSync(join(dir, 'users.xml'), users);
  const asRoot = process.getuid?.() === 0;
  let command = SERVER;
  let args = [`--config-file=${join(dir, 'config.xml')}`];
  if (asRoot) {
    // Unprivileged: the server runs as nobody, owning only its temp dir.
    const nobody = Number(spawnSync('id', ['-u', 'nobody']).stdout.toString().trim());
    const group = Number(spawnSync('id', ['-g', 'nobody']).stdout.toString().trim());
    const chown = (p) => chownSync(p, nobody, group);
    chown(dir);
    for (const d of ['log', 'data', 'tmp', 'user_files', 'format_schemas', 'config.xml', 'users.xml']) chown(join(dir, d));
    args = [`--reuid=${nobody}`, `--regid=${group}`, '--clear-groups', SERVER, ...args];
    command = 'setpriv';
  }
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  const url = `http://127.0.0.1:${http}`;
  if (!(await waitReady(url, child, 30_000))) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`ClickHouse did not start on ${url}: ${stderr.trim().slice(0, 1000) || 'no answer within 30 s'}`);
  }
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  /** The server's error log so far (for a failure report). */
  const errorLog = () => {
    try {
      return readFileSync(join(dir, 'log', 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  return { url, stop, errorLog, exited: () => child.exitCode !== null || child.signalCode !== null };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url, stop } = await startClickHouse();
  console.log(`ClickHouse on ${url} (Ctrl-C stops it)`);
  process.on('SIGINT', () => stop().then(() => process.exit(0)));
}
