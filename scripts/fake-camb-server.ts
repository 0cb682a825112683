/**
 * Serves the fake CAMB.AI API on 127.0.0.1 with a task for every behaviour and fault, so the CLI (and
 * later the app) can be tried by hand without a CAMB account:
 *   npm run fake-camb [-- --port 8765]
 * Each fault is served once: restart the server to see it again.
 */
import { parseArgs } from 'node:util';
import { startFakeCambServer } from '../tools/fakeCamb/fakeCambServer';
import { loadScenarios } from '../tools/fakeCamb/scenarios';

const DEMO_KEY = 'demo-key-not-a-secret';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8765' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}

const server = await startFakeCambServer({ apiKey: DEMO_KEY, port });
const tasks = loadScenarios(server);

console.log(`Fake CAMB.AI API on ${server.baseUrl} (accepts x-api-key: ${DEMO_KEY})\n`);
console.log('In another terminal:');
console.log(`  export CAMB_API_BASE=${server.baseUrl} CAMB_API_KEY=${DEMO_KEY}`);
console.log('  ./bin/camb-watch wait demo-success\n');
console.log('Tasks (add --kind for the ones that are not stories):');
const kindWidth = Math.max(...tasks.map((task) => task.kind.length));
for (const task of tasks)
  console.log(`  ${task.kind.padEnd(kindWidth)} ${task.taskId.padEnd(22)} ${task.shows}`);
console.log('\nCtrl-C stops it.');
process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
