/** Jest global teardown: removes the run's temporary folder (see temporary-directory-setup.js). */
const { rmSync } = require('node:fs');

module.exports = async function removeRunTemporaryDirectory() {
  const directory = process.env.GATEWAY_TEST_TMPDIR;
  if (directory) rmSync(directory, { recursive: true, force: true });
};
