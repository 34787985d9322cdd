#!/usr/bin/env node
// The `commonlab` command. Runs the compiled server (npm run build); from a source checkout without a
// build, it falls back to the TypeScript sources through tsx (a dev dependency).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));
let cli;
if (existsSync(compiled)) {
  cli = await import(pathToFileURL(compiled).href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport('../server/cli.ts', import.meta.url);
}
await cli.runCli(process.argv);
