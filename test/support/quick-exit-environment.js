/**
 * Jest's node environment, and a quicker end for the process that loads it. Once a worker's event
 * loop is empty (jest asked it to end and nothing of its tests is left running), it ends with
 * process.exit(), which leaves the memory to the kernel; Node's own end frees the heap of every file
 * the worker ran (a few hundred MB) piece by piece, which on a loaded 2-core machine took longer than
 * the 500 ms jest waits before it kills a worker and prints "A worker process has failed to exit
 * gracefully", at the end of every full run. Measured with 115 end-to-end files on two workers: 530 ms
 * (both killed) before, 210 ms with this; the run takes as long as before. A test that leaves a timer,
 * socket, server or process running still keeps its worker from getting here, and jest from exiting.
 */
const { TestEnvironment } = require('jest-environment-node');

process.once('beforeExit', () => process.exit());

module.exports = TestEnvironment;
