// Unit tests of every package and app, in one run: `pnpm exec jest`.
module.exports = {
  projects: ['<rootDir>/packages/money', '<rootDir>/packages/jobs', '<rootDir>/packages/invoicing', '<rootDir>/packages/lending-math', '<rootDir>/packages/credit-model', '<rootDir>/apps/api'],
};
