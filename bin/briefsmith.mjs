#!/usr/bin/env node
// The `briefsmith` command: runs the bundled CLI (built by `npm run build:core`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('briefsmith: the CLI is not built yet. Run `npm run build:core` in the project folder first.');
  process.exit(2);
}
await import(cli);
