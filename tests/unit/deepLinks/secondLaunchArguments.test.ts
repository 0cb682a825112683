import { describe, expect, it } from 'vitest';
import { parseLaunchArguments } from '../../../src/main/core/deepLinks/parseWatchLink';
import { secondLaunchArguments } from '../../../src/main/core/deepLinks/secondLaunchArguments';

const exact = ['/opt/camb-watch', '--watch', 'story:1', '--watch', 'story:2'];
// What Chromium hands the first instance: switches first, values after, one switch of its own appended.
const reordered = [
  '/opt/camb-watch',
  '--watch',
  '--watch',
  '--original-process-start-time=1',
  'story:1',
  'story:2',
];

describe('the command line of a second launch', () => {
  it('prefers the exact copy the second process sent', () => {
    expect(secondLaunchArguments({ argv: exact }, reordered)).toEqual(exact);
    const parsed = parseLaunchArguments(secondLaunchArguments({ argv: exact }, reordered));
    expect(parsed.requests.map((request) => request.taskId)).toEqual(['1', '2']);
    expect(parsed.problems).toEqual([]);
    // What the reordered line would have given: a problem and a lost task.
    expect(parseLaunchArguments(reordered).requests.length).toBeLessThan(2);
  });

  it('falls back to what Electron passed when the copy is missing or malformed', () => {
    expect(secondLaunchArguments(undefined, reordered)).toEqual(reordered);
    expect(secondLaunchArguments({ argv: 'story:1' }, reordered)).toEqual(reordered);
    expect(secondLaunchArguments({ argv: [1, 2] }, reordered)).toEqual(reordered);
  });
});
