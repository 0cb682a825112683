import type { TaskKind } from '../../src/shared/taskKinds';
import type { FakeCambServer } from './fakeCambServer';
import { faults, type Fault } from './faults';
import { step, type TimelineStep } from './timeline';

/** A task the local fake server plays, named after what it shows. */
export interface ScenarioTask {
  readonly kind: TaskKind;
  readonly taskId: string;
  /** What `camb-watch wait` does with it. */
  readonly shows: string;
  readonly timeline: readonly TimelineStep[];
  readonly faults?: readonly Fault[];
}

const finishes: readonly TimelineStep[] = [step.pending({ polls: 1 }), step.success(4242)];
const inAMinute = () => new Date(Date.now() + 60_000);

/**
 * One task per behaviour of CAMB-API.md: jobs that succeed and fail, and a task for every fault the API
 * can throw at a watcher. `npm run fake-camb` serves them, so anyone can try `camb-watch wait` by hand.
 */
export function scenarioTasks(): readonly ScenarioTask[] {
  return [
    {
      kind: 'story',
      taskId: 'demo-success',
      shows: 'PENDING, then SUCCESS with run 4242 (exit 0)',
      timeline: [step.pending({ polls: 3 }), step.success(4242)],
    },
    {
      kind: 'dub',
      taskId: 'demo-error',
      shows: 'ERROR with HARMFUL_CONTENT_DETECTED (exit 1)',
      timeline: [
        step.pending({ polls: 2 }),
        step.error('HARMFUL_CONTENT_DETECTED', 'The source contains content we cannot process.'),
      ],
    },
    {
      kind: 'tts',
      taskId: 'demo-timeout',
      shows: 'TIMEOUT (exit 1)',
      timeline: [step.pending({ polls: 2 }), step.timeout()],
    },
    {
      kind: 'story',
      taskId: 'demo-payment',
      shows: 'PAYMENT_REQUIRED (exit 1)',
      timeline: [step.pending({ polls: 1 }), step.paymentRequired()],
    },
    {
      kind: 'dub',
      taskId: 'demo-dub',
      shows: 'SUCCESS, two files: a video and an audio (result 4343 --kind dub)',
      timeline: [step.pending({ polls: 2 }), step.success(4343)],
    },
    {
      kind: 'translate',
      taskId: 'demo-translate',
      shows: 'SUCCESS with translated texts (result 4444 --kind translate)',
      timeline: [step.pending({ polls: 1 }), step.success(4444)],
    },
    {
      kind: 'transcribe',
      taskId: 'demo-transcribe',
      shows: 'SUCCESS with a timed transcript (result 4545 --kind transcribe)',
      timeline: [step.pending({ polls: 1 }), step.success(4545)],
    },
    {
      kind: 'story',
      taskId: 'demo-forever',
      shows: 'PENDING forever: try --timeout 20s (exit 5)',
      timeline: [step.pending()],
    },
    {
      kind: 'story',
      taskId: 'fault-500',
      shows: 'a 500, retried, then SUCCESS',
      timeline: finishes,
      faults: [faults.serverError(500)],
    },
    {
      kind: 'story',
      taskId: 'fault-502-html',
      shows: "a proxy's 502 HTML page, retried",
      timeline: finishes,
      faults: [faults.serverError(502, { html: true })],
    },
    {
      kind: 'story',
      taskId: 'fault-503',
      shows: 'two 503s, backing off, then SUCCESS',
      timeline: finishes,
      faults: [faults.serverError(503), faults.serverError(503)],
    },
    {
      kind: 'story',
      taskId: 'fault-429-seconds',
      shows: '429 with Retry-After: 7 (waits 7 s)',
      timeline: finishes,
      faults: [faults.rateLimited(7)],
    },
    {
      kind: 'story',
      taskId: 'fault-429-date',
      shows: '429 with Retry-After as an HTTP date (a minute after start-up)',
      timeline: finishes,
      faults: [faults.rateLimited(inAMinute())],
    },
    {
      kind: 'story',
      taskId: 'fault-429-bare',
      shows: '429 without Retry-After (backs off)',
      timeline: finishes,
      faults: [faults.rateLimited()],
    },
    {
      kind: 'story',
      taskId: 'fault-reset',
      shows: 'the connection reset',
      timeline: finishes,
      faults: [faults.reset()],
    },
    {
      kind: 'story',
      taskId: 'fault-hang',
      shows: 'no answer: abandoned after 15 s',
      timeline: finishes,
      faults: [faults.hang()],
    },
    {
      kind: 'story',
      taskId: 'fault-malformed',
      shows: 'a 200 with broken JSON',
      timeline: finishes,
      faults: [faults.malformedJson()],
    },
    {
      kind: 'story',
      taskId: 'fault-html',
      shows: 'a 200 with an HTML page',
      timeline: finishes,
      faults: [faults.html200()],
    },
    {
      kind: 'story',
      taskId: 'fault-unexpected-json',
      shows: 'a 200 with JSON of the wrong shape',
      timeline: finishes,
      faults: [faults.unexpectedJson()],
    },
    {
      kind: 'story',
      taskId: 'fault-unknown-status',
      shows: 'the undocumented status FAILED, kept watching',
      timeline: [step.status('FAILED', { polls: 2 }), step.success(4242)],
    },
    {
      kind: 'story',
      taskId: 'fault-401',
      shows: '401: key rejected (exit 3)',
      timeline: finishes,
      faults: [faults.unauthorized()],
    },
    {
      kind: 'story',
      taskId: 'fault-403',
      shows: '403: the key may not see this task (the app stops it alone; the CLI exits 3)',
      timeline: finishes,
      faults: [faults.forbidden()],
    },
    {
      kind: 'story',
      taskId: 'fault-404',
      shows: '404: unknown task (exit 4)',
      timeline: finishes,
      faults: [faults.notFound()],
    },
    {
      kind: 'story',
      taskId: 'fault-422',
      shows: '422: invalid request (exit 2)',
      timeline: finishes,
      faults: [faults.validationError()],
    },
  ];
}

/** Loads every scenario task and the results of its runs into `server`. */
export function loadScenarios(server: FakeCambServer): readonly ScenarioTask[] {
  const tasks = scenarioTasks();
  for (const task of tasks) {
    server.addTask(task.kind, task.taskId, task.timeline);
    if (task.faults) server.injectFaults(task.kind, task.taskId, task.faults);
  }
  server.addResult('story', 4242, {
    audio_url: 'https://example.invalid/story/4242/audio.flac',
    dialogue_url: 'https://example.invalid/story/4242/dialogue.json',
    transcript: [{ start: 0, end: 2.5, text: 'Once upon a time…', speaker: 'Narrator' }],
  });
  for (const [runId, body] of Object.entries(sampleResults(server)))
    server.addResult(body.kind, runId, body.body);
  return tasks;
}

/**
 * A result with several files (served by the fake server's storage) and two with text: what the app's
 * result view lists, shows and saves. The e2e journeys and `npm run fake-camb` both use them.
 */
export function sampleResults(
  server: Pick<FakeCambServer, 'addFile'>,
): Readonly<Record<string, { readonly kind: TaskKind; readonly body: unknown }>> {
  const video = server.addFile('launch-es.mp4', Buffer.alloc(48_000, 1), 'video/mp4');
  const audio = server.addFile('launch-es.wav', Buffer.alloc(32_000, 2), 'audio/wav');
  return {
    '4343': { kind: 'dub', body: { output_video_url: video, output_audio_url: audio } },
    '4444': { kind: 'translate', body: { texts: ['Soupe du jour', 'Tarte aux pommes, crème fraîche'] } },
    '4545': {
      kind: 'transcribe',
      body: [
        { start: 0, end: 2.1, text: 'Morning, everyone.', speaker: 'Ana' },
        { start: 2.1, end: 5.4, text: 'The release went out on Friday.', speaker: 'Ben' },
      ],
    },
  };
}
