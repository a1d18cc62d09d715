#!/usr/bin/env node
// Runs the TypeScript sources directly, so the CLI works in a fresh clone with no build step:
// @swc/core (already used by the tests) compiles each .ts file as it is required, and the "source"
// export condition (the package script passes --conditions=source) points @keeper/money at its
// sources too.
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

require(path.join(__dirname, '..', 'src', 'cli.ts'))
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
