module.exports = require('../../jest.preset.js').integration(__dirname, {
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60000,
});
