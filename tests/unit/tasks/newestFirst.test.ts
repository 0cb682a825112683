import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../../src/shared/taskOrder';
import { TASK_KINDS } from '../../../src/shared/taskKinds';
import { newWatchedTask, taskKey, type WatchedTask } from '../../../src/shared/watchedTask';

const aTask = fc
  .record({
    kind: fc.constantFrom(...TASK_KINDS),
    taskId: fc.string({ minLength: 1, maxLength: 6 }),
    addedAt: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ kind, taskId, addedAt }) => newWatchedTask(kind, taskId, null, addedAt));

const keyOf = (task: WatchedTask) => taskKey(task.kind, task.taskId);

describe('newest first: the one order of the watch list, the tray menu and the window', () => {
  it('puts later additions first and breaks a tie by the key, code unit by code unit', () => {
    const a = newWatchedTask('story', 'b', null, 5);
    const b = newWatchedTask('story', 'a', null, 5);
    const older = newWatchedTask('story', 'a', null, 4);
    // "Z" (U+005A) comes before "a" (U+0061) in code units, whatever the machine's locale says.
    const upper = newWatchedTask('story', 'Z', null, 5);
    expect([older, a, b, upper].sort(newestFirst).map((t) => t.taskId)).toEqual(['Z', 'a', 'b', 'a']);
  });

  it('is a total order: the same tasks in any arrival order sort the same way', () => {
    const tasksTwice = fc
      .uniqueArray(aTask, { selector: keyOf, maxLength: 30 })
      .chain((tasks) =>
        fc.tuple(fc.constant(tasks), fc.shuffledSubarray(tasks, { minLength: tasks.length })),
      );
    fc.assert(
      fc.property(tasksTwice, ([tasks, arrived]) => {
        const sorted = [...tasks].sort(newestFirst);
        expect([...arrived].sort(newestFirst).map(keyOf)).toEqual(sorted.map(keyOf));
        for (let i = 1; i < sorted.length; i++) {
          const [before, after] = [sorted[i - 1] as WatchedTask, sorted[i] as WatchedTask];
          const tieBrokenByKey = before.addedAt === after.addedAt && keyOf(before) < keyOf(after);
          expect(before.addedAt > after.addedAt || tieBrokenByKey).toBe(true);
        }
      }),
    );
  });
});
