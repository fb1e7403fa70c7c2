#!/usr/bin/env node
// Entry point of `npx sangathan-streams`. Inside the monorepo the CLI is compiled into dist/ by the repository's
// build (incremental, so usually instant); in a packed package it is in ../lib.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..', '..', '..');
let entry = join(__dirname, '..', 'lib', 'main.js');
if (existsSync(join(root, 'tools', 'scripts', 'build.mjs'))) {
  const build = spawnSync(process.execPath, [join(root, 'tools', 'scripts', 'build.mjs'), '--quiet'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  entry = join(root, 'dist', 'tools', 'streams-cli', 'src', 'main.js');
}
// `sangathan-streams tail … | head` closes the pipe: that is the reader being done, not an error.
process.stdout.on('error', (error) => process.exit(error.code === 'EPIPE' ? 0 : 1));
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());
require(entry)
  .run(process.argv.slice(2), undefined, controller.signal)
  .then(() => process.exit(0))
  .catch((error) => {
    process.stderr.write(`sangathan-streams: ${error && error.message ? error.message : String(error)}\n`);
    process.exit(1);
  });
