import { step } from '../../../tools/fakeCamb/fakeCambServer';
import type { ScenarioTask } from '../../../tools/fakeCamb/scenarios';

/**
 * A demo job: a scenario of the fake CAMB server with the label a user would give it and, for jobs that
 * succeed, the result their run serves. A new task is polled about every 3 s, then less often as it ages
 * (10 % of its age): 7 polls take about 20 s, 14 about 45 s, 22 about 90 s.
 */
export interface DemoJob extends ScenarioTask {
  readonly label: string;
  readonly result?: { readonly runId: number; readonly body: unknown };
}

/** The jobs `npm run dev:web -- --demo` and `npm run demo` show; `files` serves the result files (see demoFiles). */
export function demoJobs(files: string): readonly DemoJob[] {
  return [
    {
      kind: 'tts',
      taskId: 'demo-tts-welcome',
      label: 'Welcome message',
      shows: 'speech ready after about 15 s',
      timeline: [step.pending({ polls: 5 }), step.success(5103)],
      result: { runId: 5103, body: { file_url: `${files}welcome-message.wav` } },
    },
    {
      kind: 'story',
      taskId: 'demo-story-lighthouse',
      label: 'Bedtime story: The Lighthouse Keeper',
      shows: 'story ready after ~20 s',
      timeline: [step.pending({ polls: 7 }), step.success(5101)],
      result: {
        runId: 5101,
        body: {
          audio_url: `${files}lighthouse-keeper.wav`,
          dialogue_url: `${files}lighthouse-keeper-dialogue.json`,
          transcript: [
            { start: 0, end: 3.2, text: 'The lamp had burned for a hundred years.', speaker: 'Narrator' },
            { start: 3.2, end: 5.9, text: 'Tonight it flickered.', speaker: 'Narrator' },
          ],
        },
      },
    },
    {
      kind: 'translate',
      taskId: 'demo-translate-menu',
      label: 'Menu, in French',
      shows: 'translation ready after ~25 s',
      timeline: [step.pending({ polls: 8 }), step.success(5106)],
      result: { runId: 5106, body: { texts: ['Soupe du jour', 'Tarte aux pommes, crème fraîche'] } },
    },
    {
      kind: 'text-to-sound',
      taskId: 'demo-sound-rain',
      label: 'Rain on a tin roof',
      shows: 'sound effect ready after ~30 s',
      timeline: [step.pending({ polls: 9 }), step.success(5105)],
      result: { runId: 5105, body: { file_url: `${files}rain-on-a-tin-roof.wav` } },
    },
    {
      kind: 'dub',
      taskId: 'demo-dub-launch',
      label: 'Product launch video (Spanish dub)',
      shows: 'dub ready after ~45 s',
      timeline: [step.pending({ polls: 14 }), step.success(5102)],
      result: {
        runId: 5102,
        body: {
          output_video_url: `${files}launch-es-video.wav`,
          output_audio_url: `${files}launch-es.wav`,
        },
      },
    },
    {
      kind: 'transcribe',
      taskId: 'demo-transcribe-standup',
      label: 'Monday stand-up',
      shows: 'transcript ready after ~90 s',
      timeline: [step.pending({ polls: 22 }), step.success(5104)],
      result: {
        runId: 5104,
        body: [
          { start: 0, end: 2.1, text: 'Morning, everyone.', speaker: 'Ana' },
          { start: 2.1, end: 5.4, text: 'The release went out on Friday.', speaker: 'Ben' },
        ],
      },
    },
    {
      kind: 'dub',
      taskId: 'demo-dub-podcast',
      label: 'Podcast episode 12 (German dub)',
      shows: 'ERROR after ~30 s, with a reason',
      timeline: [
        step.pending({ polls: 10 }),
        step.error('SOURCE_AUDIO_UNREADABLE', 'The source video has no audio track that could be read.'),
      ],
    },
    {
      kind: 'tts',
      taskId: 'demo-tts-chapter',
      label: 'Audiobook chapter 3',
      shows: 'TIMEOUT after ~50 s',
      timeline: [step.pending({ polls: 16 }), step.timeout()],
    },
    {
      kind: 'story',
      taskId: 'demo-story-saga',
      label: 'The long saga (out of credits)',
      shows: 'PAYMENT_REQUIRED after ~20 s',
      timeline: [step.pending({ polls: 6 }), step.paymentRequired()],
    },
  ];
}
