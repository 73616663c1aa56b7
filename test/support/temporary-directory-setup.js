/**
 * Jest global setup: every temporary file of a test run (the tests' own folders, the gateways and
 * redis-servers they start) goes under one folder, which the global teardown removes, so runs leave
 * nothing behind. Workers and child processes start after this, so they inherit TMPDIR.
 */
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async function createRunTemporaryDirectory() {
  const directory = mkdtempSync(join(tmpdir(), 'gateway-tests-'));
  process.env.GATEWAY_TEST_TMPDIR = directory;
  process.env.TMPDIR = directory;
};
