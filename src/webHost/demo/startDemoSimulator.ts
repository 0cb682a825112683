import type { TaskKind } from '../../shared/taskKinds';
import { startFakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { serveDemoFiles } from './demoFiles';
import { demoJobs } from './demoJobs';

/** The key the simulator accepts. It opens nothing anywhere else. */
export const DEMO_API_KEY = 'camb-watch-demo-key-not-a-secret';

export interface DemoSimulator {
  /** The simulated CAMB API, e.g. http://127.0.0.1:43121/apis: the app's API base. */
  readonly apiBase: string;
  readonly apiKey: string;
  /** What to add to the watch list, with the labels to show. */
  readonly jobs: readonly { readonly kind: TaskKind; readonly taskId: string; readonly label: string }[];
  close(): Promise<void>;
}

export interface DemoSimulatorOptions {
  /** The simulator's clock; default Date.now. */
  readonly now?: () => number;
}

/**
 * A simulated CAMB.AI on 127.0.0.1 (the fake server the tests use) playing a handful of jobs of several
 * kinds that finish, fail and time out, and serving their result files: `npm run dev:web -- --demo` and
 * `npm run demo` show the app working without a CAMB account.
 */
export async function startDemoSimulator(options: DemoSimulatorOptions = {}): Promise<DemoSimulator> {
  const server = await startFakeCambServer({
    apiKey: DEMO_API_KEY,
    ...(options.now !== undefined ? { now: options.now } : {}),
  });
  // The result files come from the simulator's own origin: the one the page lets its player load.
  const jobs = demoJobs(`${new URL(server.baseUrl).origin}/files/`);
  for (const job of jobs) {
    server.addTask(job.kind, job.taskId, job.timeline);
    if (job.result !== undefined) server.addResult(job.kind, job.result.runId, job.result.body);
  }
  serveDemoFiles(server, jobs);
  return {
    apiBase: server.baseUrl,
    apiKey: DEMO_API_KEY,
    jobs: jobs.map(({ kind, taskId, label }) => ({ kind, taskId, label })),
    async close() {
      await server.close();
    },
  };
}
