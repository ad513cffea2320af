#!/usr/bin/env node
// `npm start`: compiles only when a source is newer than the compiled service (npm ci has built it
// already), then runs the service in this process, so signals reach it directly.
const { execFileSync } = require('node:child_process');
const { readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const compiled = join(root, 'dist/apps/api/src/main.js');
// tsc rewrites only what changed, so the last build's moment is kept in a file of its own
const stamp = join(root, 'dist/.started-build');
const SOURCES = ['apps', 'libs', 'bench', 'tests/crash', 'tests/support'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestSource() {
  let newest = Math.max(...CONFIGS.map((file) => statSync(join(root, file)).mtimeMs));
  for (const dir of SOURCES) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function modifiedAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -Infinity;
  }
}

const builtAt = () => (modifiedAt(compiled) === -Infinity ? -Infinity : Math.max(modifiedAt(compiled), modifiedAt(stamp)));

if (builtAt() < newestSource()) {
  process.stdout.write('compiling the service (a source changed since it was last built)\n');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, '');
}
require(compiled);
