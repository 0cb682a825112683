import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src/shared/contract';
import { step } from '../../../tools/fakeCamb/fakeCambServer';
import { SERVER_KEY, createWebHostHarness, type WebHostHarness } from './webHostHarness';

let h: WebHostHarness;
afterEach(async () => {
  await h.close();
});

type TaskChanged = EventPayload<'taskChanged'>;
type Notice = EventPayload<'notice'>;

describe('web host: the contract over HTTP', () => {
  it('adds a task through the bridge and streams its changes until it succeeds, with a notice', async () => {
    h = await createWebHostHarness();
    await h.bridge.setApiKey({ apiKey: SERVER_KEY });
    h.server.addTask('story', 'web-1', [step.pending({ polls: 2 }), step.success(4242)]);

    const added = h.nextEvent<TaskChanged>('taskChanged', ({ task }) => task.taskId === 'web-1');
    const answer = await h.bridge.addTask({ kind: 'story', taskId: ' web-1 ', label: 'First chapter' });
    expect(answer).toMatchObject({
      ok: true,
      added: true,
      task: { kind: 'story', taskId: 'web-1', label: 'First chapter' },
    });
    expect((await added).task).toMatchObject({ taskId: 'web-1', label: 'First chapter' });

    const succeeded = h.nextEvent<TaskChanged>('taskChanged', ({ task }) => task.status === 'SUCCESS');
    const notice = h.nextEvent<Notice>('notice', ({ level }) => level === 'success');
    await h.advance(60_000);
    expect((await succeeded).task).toMatchObject({ taskId: 'web-1', status: 'SUCCESS', runId: 4242 });
    expect(await notice).toMatchObject({ level: 'success', key: 'story:web-1' });
    expect((await notice).text).toContain('First chapter');
    expect((await h.bridge.listTasks()).tasks).toHaveLength(1);
  });

  it('refuses an invalid payload with a sentence and adds nothing', async () => {
    h = await createWebHostHarness();
    await expect(h.bridge.addTask({ kind: 'story', taskId: 'ok', label: 'x'.repeat(201) })).rejects.toThrow(
      'label: A label is at most 200 characters',
    );
    await expect(h.bridge.addTask({ kind: 'podcast' as never, taskId: 'ok' })).rejects.toThrow(/^kind: /u);
    // The core's own validation of the id answers inside the contract.
    expect(await h.bridge.addTask({ kind: 'story', taskId: 'has spaces in it' })).toMatchObject({
      ok: false,
    });
    expect((await h.bridge.listTasks()).tasks).toEqual([]);
    expect(h.web.service.list()).toEqual([]);
  });

  it('refuses an unknown action and a body that is not JSON', async () => {
    h = await createWebHostHarness();
    const authorization = `Bearer ${h.web.token}`;
    const unknown = await h.raw({
      path: '/__camb-watch/invoke/readApiKey',
      method: 'POST',
      headers: { authorization },
      body: '{}',
    });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({
      ok: false,
      error: 'CAMB Watch has no action called "readApiKey".',
    });
    const prototypeName = await h.raw({
      path: '/__camb-watch/invoke/constructor',
      method: 'POST',
      headers: { authorization },
    });
    expect(prototypeName.status).toBe(404);
    const notJson = await h.raw({
      path: '/__camb-watch/invoke/addTask',
      method: 'POST',
      headers: { authorization },
      body: '{kind: story',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toEqual({ ok: false, error: 'The request body is not valid JSON.' });
    const viaGet = await h.raw({ path: '/__camb-watch/invoke/listTasks', headers: { authorization } });
    expect(viaGet.status).toBe(405);
    expect(h.web.service.list()).toEqual([]);
  });

  it('never sends the API key to the page, in any answer or event', async () => {
    h = await createWebHostHarness();
    h.server.addTask('dub', 'web-2', [step.pending({ polls: 1 }), step.success(77)]);
    h.server.addResult('dub', 77, { output_video_url: 'https://example.invalid/dub/77.mp4' });
    const status = await h.bridge.setApiKey({ apiKey: `  ${SERVER_KEY}\n` });
    expect(status).toMatchObject({
      ok: true,
      status: { present: true, where: 'memory (this development session)' },
    });
    expect(await h.bridge.testApiKey({})).toMatchObject({ verdict: 'works' });
    expect(await h.bridge.testApiKey({ apiKey: `${SERVER_KEY}-wrong` })).toMatchObject({
      verdict: 'rejected',
    });
    await h.bridge.addTask({ kind: 'dub', taskId: 'web-2' });
    await h.advance(30_000);
    expect(await h.bridge.getSnapshot()).toMatchObject({ keyStatus: { present: true }, host: 'web' });
    expect(await h.bridge.openResult({ key: 'dub:web-2' })).toMatchObject({ ok: true });
    expect(h.web.openedLinks).toEqual(['https://example.invalid/dub/77.mp4']);
    expect(await h.bridge.clearApiKey()).toMatchObject({ ok: true, status: { present: false } });

    const toThePage = h.traffic.filter((entry) => entry.direction !== 'request');
    expect(toThePage.some((entry) => entry.direction === 'event' && entry.channel === 'keyStatus')).toBe(
      true,
    );
    expect(toThePage.some((entry) => entry.channel === 'setApiKey')).toBe(true);
    for (const entry of toThePage) expect(entry.body, entry.channel).not.toContain(SERVER_KEY);
    // The traffic log does see what the page sent: the test would notice a key in it.
    expect(h.traffic.some((entry) => entry.direction === 'request' && entry.body.includes(SERVER_KEY))).toBe(
      true,
    );
  });
});
