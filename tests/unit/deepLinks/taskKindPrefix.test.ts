import { describe, expect, it } from 'vitest';
import { parseClipboardTask } from '../../../src/main/core/deepLinks/parseWatchLink';
import { splitKindPrefix } from '../../../src/shared/taskKindPrefix';

describe('kind:id, read the same everywhere', () => {
  it('splits a known kind off the id', () => {
    const uuid = '8c1f6a52-0d3e-4b7a-9f21-5e8d7c6b4a30';
    expect(splitKindPrefix(`dub:${uuid}`)).toEqual({ kind: 'dub', rest: uuid });
    expect(splitKindPrefix(`  translated-story: ${uuid} `)).toEqual({ kind: 'translated-story', rest: uuid });
    expect(splitKindPrefix('dub-alt-format:abc')).toEqual({ kind: 'dub-alt-format', rest: 'abc' });
    expect(splitKindPrefix('text-to-sound:abc')).toEqual({ kind: 'text-to-sound', rest: 'abc' });
  });

  it('leaves alone what does not start with a known kind and a colon, or has nothing after it', () => {
    expect(splitKindPrefix('podcast:abc')).toBeNull();
    expect(splitKindPrefix('abc')).toBeNull();
    expect(splitKindPrefix('dub:')).toBeNull();
    expect(splitKindPrefix('dub')).toBeNull();
    expect(splitKindPrefix('{"task_id": "dub:x"}')).toBeNull();
  });

  it('is what "Add task from clipboard" uses', () => {
    expect(parseClipboardTask('tts:abc')).toEqual({ kind: 'tts', taskId: 'abc', label: null });
    expect(parseClipboardTask('abc')).toEqual({ kind: 'story', taskId: 'abc', label: null });
  });
});
