/**
 * The entry point (`npm start`, `node dist/src/main.js`). Stop signals are handled from its first
 * line: loading the modules and the config takes seconds, and a process with no handler for
 * SIGTERM is not stopped by it when it is PID 1 (a container started with `node`), so a pod stopped
 * while starting waited out its whole grace period. Until the CLI (src/cli.ts) takes the signals
 * over, SIGTERM or SIGINT ends the process at once, with a log line: nothing is served yet.
 */
// A module of a few lines, with no imports of its own: the handlers exist before anything else loads.
import { stopAtOnceUntilServing } from './stop-before-serving';

stopAtOnceUntilServing();

// Required here, not imported: an import would be loaded before the handlers above exist.
const { main } = require('./cli') as typeof import('./cli');
void main();
