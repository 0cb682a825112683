/**
 * `npm run dev:web -- [--demo] [--state-dir DIR] [--port N] [--api-base URL]`: the real core in Node and
 * the built renderer in any browser, for development. Never packaged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { USAGE, parseWebHostArgs } from './cliArgs';
import type { DemoSimulator } from './demo/startDemoSimulator';

const PREFIX = 'camb-watch web host';

function fail(message: string, code: number): never {
  process.stderr.write(`${PREFIX}: ${message}\n`);
  process.exit(code);
}

const parsed = parseWebHostArgs(process.argv.slice(2));
if (!parsed.ok) fail(`${parsed.error}\n\n${USAGE}`, 2);
const { args } = parsed;
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

// Loaded once the arguments are known good, so a typo is answered at once.
const [
  { createRedactor, createStreamLogger },
  { startDemoSimulator },
  { playDemoOnFirstPage, demoBannerLine },
  { startWebHost },
] = await Promise.all([
  import('../main/core/logging'),
  import('./demo/startDemoSimulator'),
  import('./demo/playDemoOnFirstPage'),
  import('./server/startWebHost'),
]);

const stateDir = args.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-web-'));
// startWebHost puts its own redactor, which knows every key it sees, in front of this one.
const logger = createStreamLogger({
  stream: process.stderr,
  level: 'info',
  redactor: createRedactor(() => []),
  prefix: PREFIX,
});

let simulator: DemoSimulator | null = null;
try {
  if (args.demo) simulator = await startDemoSimulator();
  const web = await startWebHost({
    stateDir,
    port: args.port,
    ...(simulator !== null
      ? { apiBase: simulator.apiBase }
      : args.apiBase !== undefined
        ? { apiBase: args.apiBase }
        : {}),
    // The demo key must not lose to a real CAMB_API_KEY in the environment.
    ...(simulator !== null ? { environment: {} } : {}),
    logger,
  });

  const lines = ['CAMB Watch web host (development only)', `  State folder: ${stateDir}`];
  if (args.stateDir === undefined)
    lines.push('    (a fresh temporary folder; --state-dir DIR keeps the list between runs)');
  if (simulator !== null) {
    await web.service.setApiKey(simulator.apiKey);
    playDemoOnFirstPage(web, simulator);
    lines.push(demoBannerLine(simulator));
  } else {
    lines.push(`  CAMB API: ${args.apiBase ?? 'https://client.camb.ai/apis'}`);
  }
  lines.push('', `  Open ${web.url}`, '', "The address carries this run's token. Ctrl-C stops the host.");
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stdout.write('\nStopping…\n');
    void Promise.all([web.close(), simulator?.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  await simulator?.close();
  fail(error instanceof Error ? error.message : String(error), 1);
}
