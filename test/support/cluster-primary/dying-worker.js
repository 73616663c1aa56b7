/** A worker that sends one message to its primary and is killed as soon as it has gone out. */
process.send(JSON.parse(process.argv[2]), () => process.kill(process.pid, 'SIGKILL'));
