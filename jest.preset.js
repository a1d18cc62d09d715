// Shared jest settings: @swc/jest compiles TypeScript (with decorator metadata for NestJS),
// and workspace packages resolve to their sources so tests never need a prior build.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@keeper/(money|jobs|invoicing|credit-model|api-client)$': path.join(__dirname, 'packages/$1/src/index.ts'),
};

function base(dir) {
  return {
    rootDir: dir,
    testEnvironment: 'node',
    transform: { '^.+\\.(t|j)sx?$': swc },
    moduleNameMapper,
    moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  };
}

module.exports = {
  unit: (dir) => ({ ...base(dir), testMatch: ['<rootDir>/src/**/*.spec.ts'] }),
  integration: (dir, extra = {}) => ({
    ...base(dir),
    testMatch: ['<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
    ...extra,
  }),
};
