import { describe, expect, it } from 'vitest';
import { estimateBasisText, kindNoun } from '../../../src/shared/format/estimateText';
import { isTaskKind, TASK_KIND_TABLE, TASK_KINDS, taskKindInfo } from '../../../src/shared/taskKinds';

describe('TASK_KIND_TABLE: a kind is one row with every field', () => {
  it.each(TASK_KINDS)('%s has a title, its paths, its nouns and its duration prior', (kind) => {
    const info = taskKindInfo(kind);
    expect(Object.keys(info).sort()).toEqual([
      'confusedWith',
      'durationPrior',
      'nouns',
      'playerLinks',
      'resultPaths',
      'statusPath',
      'title',
    ]);
    // The kind a wrong-kind hint names is another kind CAMB Watch knows.
    if (info.confusedWith !== null) {
      expect(isTaskKind(info.confusedWith)).toBe(true);
      expect(info.confusedWith).not.toBe(kind);
    }
    // A player only for a kind that has a result to play.
    if (info.playerLinks.length > 0) expect(info.resultPaths.length).toBeGreaterThan(0);
    expect(info.title.trim()).not.toBe('');
    expect(info.statusPath).toContain('{task_id}');
    for (const path of info.resultPaths) expect(path).toContain('{run_id}');
    const [one, many] = info.nouns;
    expect(one.trim()).not.toBe('');
    expect(many.trim()).not.toBe('');
    expect(many).not.toBe(one);
    expect(kindNoun(kind, 1)).toBe(one);
    expect(kindNoun(kind, 3)).toBe(many);
    expect(estimateBasisText(kind, 0)).toBe(`from the usual time for ${many}`);
    expect(info.durationPrior.medianMs).toBeGreaterThan(0);
    // Broad on purpose (see the table's comment): a guess that may be off by a lot.
    expect(info.durationPrior.sigma).toBeGreaterThanOrEqual(1);
  });

  it('keeps no kind outside the table', () => {
    expect(TASK_KINDS).toEqual(Object.keys(TASK_KIND_TABLE));
  });
});
