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
  it('tells its hook of every change of a due time, so what it told always matches what it holds', () => {
    fc.assert(
      fc.property(ops, (script: Op[]) => {
        const told = new Map<number, number | null>();
        let calls = 0;
        const queue = new DueQueue<number>((key, dueAt) => {
          calls += 1;
          told.set(key, dueAt);
        });
        for (const step of script) {
          const before = calls;
          if (step.op === 'set') {
            const unchanged = queue.dueAt(step.key) === step.dueAt;
            queue.set(step.key, step.dueAt);
            // A set to the same time is no change: nothing to tell.
            expect(calls - before).toBe(unchanged ? 0 : 1);
          } else if (step.op === 'delete') {
            const present = queue.has(step.key);
            queue.delete(step.key);
            expect(calls - before).toBe(present ? 1 : 0);
          } else queue.pop();
          for (let key = 0; key <= 20; key++) expect(told.get(key) ?? null).toBe(queue.dueAt(key));
        }
      }),
    );
  });

  it('lists exactly the keys due by a time, whatever was queued, moved and removed before', () => {
    fc.assert(
      fc.property(ops, fc.nat(60), (script: Op[], at) => {
        const queue = new DueQueue<number>();
        const model = new Map<number, number>();
        for (const step of script) {
          if (step.op === 'set') {
            queue.set(step.key, step.dueAt);
            model.set(step.key, step.dueAt);
          } else if (step.op === 'delete') {
            queue.delete(step.key);
            model.delete(step.key);
          } else {
            const popped = queue.pop();
            if (popped !== undefined) model.delete(popped.key);
          }
        }
        const due = [...queue.dueBy(at)].map((item) => [item.key, item.dueAt]);
        const expected = [...model].filter(([, dueAt]) => dueAt <= at);
        expect(due.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual(
          expected.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)),
        );
      }),
    );
  });

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
