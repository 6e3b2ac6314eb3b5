#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('error: schemaplan is not built (dist/ is missing)\nhint: run `npm run build` (`npm ci` builds it too)\n');
  process.exit(1);
}
require(entry).run();
