import { EXIT } from './exitCodes';
import { runCamb } from './runCamb';

// Node ignores SIGPIPE, so a closed pipe surfaces as an 'error' event that would crash with a stack trace
// and exit 1, which scripts read as "the task failed".
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.brokenPipe);
    throw error;
  });
}

// Listening for SIGINT replaces Node's default exit: the command in progress ends with exit 130 instead.
const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
const exitCode = await runCamb(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  interrupted,
});
// Keep-alive sockets and the keychain connection would hold the process open: leave once output is flushed.
process.stdout.write('', () => process.exit(exitCode));
