/** The browser side of server mode: the protocol's `Engine` over HTTP, and the wire JSON both sides use. */
export { RemoteEngine, RemoteQueryError, type RemoteEngineOptions } from './remote-engine.js';
export { toWireJson, fromWireJson } from './wire-json.js';
