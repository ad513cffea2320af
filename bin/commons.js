#!/usr/bin/env node
// `npx commons <command>`: the auditors' and operators' CLI, compiled by `npm run build`.
require('../dist/apps/cli/src/main.js');
