// Koa-style middleware for the test runner: serves test feeds under /feeds/ with the behaviours a real
// server has (ETag / Last-Modified / 304, a changing version, errors, slow and truncated bodies, a server that
// is down). Each behaviour is chosen by the path; the last path segment is an id (any string) that keeps the
// request counters, versions and "down" flags of one test apart from every other test.
//
//   GET /feeds/orders/<id>.json|.csv|.arrow   orders of version v of feed <id> (ETag, Last-Modified, 304)
//        ?etag=0        leave out the ETag (the client must fall back to If-Modified-Since)
//        ?names=host    host field names (cust_no, order_day, total) instead of canonical ones
//        ?type=<mime>   Content-Type to send instead of the extension's
//   GET /feeds/bundle/<id>.json               { orders, customers } bundle
//   GET /feeds/slow/<id>.json?chunks=4&delay=30   the orders JSON in chunks with pauses (Content-Length set)
//   GET /feeds/stall/<id>.json                    half the orders JSON, then nothing (the connection kept open)
//   GET /feeds/truncated/<id>.json            Content-Length larger than the bytes sent, then the socket closes
//   GET /feeds/error/<id>                     500 with an HTML error page
//   GET /feeds/html/<id>                      200 with an HTML page (a login page where JSON was expected)
//   GET /feeds/empty/<id>                     200 with an empty JSON body
//   GET /feeds/bump/<id>                      next version of feed <id> (one more order of 100)
//   GET /feeds/down/<id>?on=1|0               make every data request for <id> fail at the socket
//   GET /feeds/count/<id>                     { requests, ok, notModified, closedEarly } data requests seen for <id>
//                                             (closedEarly: slow bodies the client stopped reading)
//
// Orders of version v (sums by hand): C1 2024-01-05 100, C2 2024-01-06 250.5, C1 2024-02-10 49.5 (sum 400, 3 rows),
// plus for each k = 2..v an order C3 2024-03-0k of 100: version v has 2 + v rows and sums 300 + 100 v.
import { from, toArrowIPC } from 'arquero';

/** Per-id state: version, down flag and request counters. */
const feeds = new Map();
const state = (id) => {
  let s = feeds.get(id);
  if (!s) feeds.set(id, (s = { version: 1, down: false, requests: 0, ok: 0, notModified: 0, closedEarly: 0 }));
  return s;
};

const HOST_NAMES = { customer_id: 'cust_no', order_date: 'order_day', amount: 'total' };

function ordersOf(version, hostNames) {
  const rows = [
    { customer_id: 'C1', order_date: '2024-01-05', amount: 100 },
    { customer_id: 'C2', order_date: '2024-01-06', amount: 250.5 },
    { customer_id: 'C1', order_date: '2024-02-10', amount: 49.5 },
  ];
  for (let k = 2; k <= version; k++) rows.push({ customer_id: 'C3', order_date: `2024-03-0${k}`, amount: 100 });
  if (!hostNames) return rows;
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [HOST_NAMES[k], v])));
}

const CUSTOMERS = [
  { customer_id: 'C1', name: '张三汽配', type: 'workshop', region: 'East' },
  { customer_id: 'C2', name: 'Li Auto Parts', type: 'retail', region: 'North' },
];

const toCsv = (rows) => {
  const cols = Object.keys(rows[0]);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c]).join(','))].join('\n') + '\n';
};

const send = (ctx, status, headers, body) => {
  ctx.respond = false;
  const bytes = body == null ? undefined : typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
  ctx.res.writeHead(status, { 'Cache-Control': 'no-store', ...headers, ...(bytes ? { 'Content-Length': bytes.length } : {}) });
  ctx.res.end(bytes);
};
const sendJson = (ctx, value) => send(ctx, 200, { 'Content-Type': 'application/json' }, JSON.stringify(value));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>' +
  '<body><h1>Internal Server Error</h1><p>upstream timed out</p></body></html>';
const LOGIN_PAGE = '<!doctype html><html><head><title>Sign in</title></head><body><form>Sign in</form></body></html>';

/** Versioned orders with ETag / Last-Modified and 304 on a matching conditional request. */
function serveOrders(ctx, s, ext) {
  const etag = `"orders-v${s.version}"`;
  const lastModified = new Date(Date.UTC(2024, 0, 1, 0, s.version)).toUTCString();
  const withEtag = ctx.query.etag !== '0';
  const inm = ctx.get('If-None-Match');
  const ims = ctx.get('If-Modified-Since');
  const fresh = withEtag && inm ? inm === etag : !!ims && Date.parse(ims) >= Date.parse(lastModified);
  const validators = { 'Last-Modified': lastModified, ...(withEtag ? { ETag: etag } : {}) };
  if (fresh) {
    s.notModified++;
    return send(ctx, 304, validators);
  }
  s.ok++;
  const rows = ordersOf(s.version, ctx.query.names === 'host');
  const [type, body] =
    ext === 'csv'
      ? ['text/csv; charset=utf-8', toCsv(rows)]
      : ext === 'arrow'
        ? ['application/vnd.apache.arrow.stream', toArrowIPC(from(rows))]
        : ['application/json; charset=utf-8', JSON.stringify(rows)];
  send(ctx, 200, { 'Content-Type': ctx.query.type ?? type, ...validators }, body);
}

/** The orders JSON in `chunks` pieces with `delay` ms pauses; stops when the client goes away. */
async function serveSlow(ctx, s) {
  s.ok++;
  const body = Buffer.from(JSON.stringify(ordersOf(s.version)));
  const chunks = Math.max(1, Number(ctx.query.chunks ?? 4));
  const delay = Number(ctx.query.delay ?? 30);
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.on('close', () => {
    if (!res.writableFinished) s.closedEarly++;
  });
  const size = Math.ceil(body.length / chunks);
  for (let i = 0; i < body.length && !res.destroyed; i += size) {
    res.write(body.subarray(i, i + size));
    await sleep(delay);
  }
  if (!res.destroyed) res.end();
}

/** Sends half the body, then nothing more (the connection stays open) until the client gives up (≤ 20 s). */
async function serveStall(ctx, s) {
  s.ok++;
  const body = Buffer.from(JSON.stringify(ordersOf(s.version)));
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.on('close', () => {
    if (!res.writableFinished) s.closedEarly++;
  });
  res.write(body.subarray(0, Math.floor(body.length / 2)));
  for (let waited = 0; waited < 20_000 && !res.destroyed; waited += 100) await sleep(100);
  res.destroy();
}

/** Declares more bytes than it sends, then closes the connection mid-body. */
async function serveTruncated(ctx, s) {
  s.ok++;
  const body = Buffer.from(JSON.stringify(ordersOf(s.version)));
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length + 500, 'Cache-Control': 'no-store' });
  res.write(body.subarray(0, Math.floor(body.length / 2)));
  await sleep(30);
  res.socket?.destroy();
}

export async function testFeeds(ctx, next) {
  if (!ctx.path.startsWith('/feeds/')) return next();
  const m = /^\/feeds\/([a-z]+)\/([^/.]+)(?:\.([a-z]+))?$/.exec(ctx.path);
  if (!m) return send(ctx, 404, { 'Content-Type': 'text/plain' }, 'no such test feed');
  const [, route, id, ext] = m;
  const s = state(id);
  switch (route) {
    case 'count':
      return sendJson(ctx, { requests: s.requests, ok: s.ok, notModified: s.notModified, closedEarly: s.closedEarly });
    case 'bump':
      s.version++;
      return sendJson(ctx, { version: s.version });
    case 'down':
      s.down = ctx.query.on !== '0';
      return sendJson(ctx, { down: s.down });
  }
  s.requests++;
  if (s.down) {
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  switch (route) {
    case 'orders':
      return serveOrders(ctx, s, ext);
    case 'bundle':
      s.ok++;
      return sendJson(ctx, { orders: ordersOf(s.version), customers: CUSTOMERS });
    case 'slow':
      return serveSlow(ctx, s);
    case 'truncated':
      return serveTruncated(ctx, s);
    case 'stall':
      return serveStall(ctx, s);
    case 'error':
      return send(ctx, 500, { 'Content-Type': 'text/html; charset=utf-8' }, ERROR_PAGE);
    case 'html':
      s.ok++;
      return send(ctx, 200, { 'Content-Type': 'text/html; charset=utf-8' }, LOGIN_PAGE);
    case 'empty':
      s.ok++;
      return send(ctx, 200, { 'Content-Type': 'application/json' }, '');
  }
  return send(ctx, 404, { 'Content-Type': 'text/plain' }, `no such test feed route: ${route}`);
}
