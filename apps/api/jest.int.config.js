module.exports = require('../../jest.preset.js').integration(__dirname, {
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60000,
  // BullMQ keeps a reconnect timer for an abandoned add after a simulated outage; do not wait on it.
  forceExit: true,
});
