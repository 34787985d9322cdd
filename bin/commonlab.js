#!/usr/bin/env node
// The `commonlab` command. Runs the compiled server (npm run build); from a source checkout without a
// build (or with COMMONLAB_FROM_SOURCE=1, as the tests use it) it runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));
let cli;
if (existsSync(compiled) && !process.env.COMMONLAB_FROM_SOURCE) {
  cli = await import(pathToFileURL(compiled).href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport('../server/cli.ts', import.meta.url);
}
await cli.runCli(process.argv);
