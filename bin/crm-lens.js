#!/usr/bin/env node
// `npx crm-lens serve|sql …` (src/server/cli.ts, built into dist/cli.js).
import { main } from '../dist/cli.js';

main().catch((e) => {
  console.error(`crm-lens: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
