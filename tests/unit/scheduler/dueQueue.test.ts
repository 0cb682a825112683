import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DueQueue } from '../../../src/main/core/scheduler/dueQueue';

type Op = { op: 'set'; key: number; dueAt: number } | { op: 'delete'; key: number } | { op: 'pop' };

const ops = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('set' as const), key: fc.nat(20), dueAt: fc.nat(50) }),
    fc.record({ op: fc.constant('delete' as const), key: fc.nat(20) }),
    fc.record({ op: fc.constant('pop' as const) }),
  ),
  { maxLength: 200 },
);

describe('DueQueue', () => {
  it('pops by due time, ties in the order they were (re)queued, like a sorted list would', () => {
    fc.assert(
      fc.property(ops, (script: Op[]) => {
        const queue = new DueQueue<number>();
        let model: { key: number; dueAt: number; seq: number }[] = [];
        let seq = 0;
        const sortModel = () => model.sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
        for (const step of script) {
          if (step.op === 'set') {
            queue.set(step.key, step.dueAt);
            model = model.filter((m) => m.key !== step.key);
            model.push({ key: step.key, dueAt: step.dueAt, seq: seq++ });
          } else if (step.op === 'delete') {
            expect(queue.delete(step.key)).toBe(model.some((m) => m.key === step.key));
            model = model.filter((m) => m.key !== step.key);
          } else {
            sortModel();
            const expected = model.shift();
            const popped = queue.pop();
            expect(popped && { key: popped.key, dueAt: popped.dueAt }).toEqual(
              expected && { key: expected.key, dueAt: expected.dueAt },
            );
          }
          expect(queue.size).toBe(model.length);
          sortModel();
          expect(queue.peek()?.dueAt).toBe(model[0]?.dueAt);
          for (const m of model) expect(queue.dueAt(m.key)).toBe(m.dueAt);
        }
      }),
    );
  });
});
