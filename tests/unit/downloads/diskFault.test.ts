import { describe, expect, it } from 'vitest';
import { diskFaultOf, errorCode } from '../../../src/main/core/diskFaults';
import { describeDownloadError } from '../../../src/main/core/downloads/downloadErrors';
import { describeWriteFailure } from '../../../src/main/core/persistence/diskFailure';
import { describeSaveFailure } from '../../../src/main/core/watchList/saveProblemText';

const fsError = (code: string) => Object.assign(new Error(`${code}: failed, write`), { code });

const CODES = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOENT', 'ENAMETOOLONG', 'EMFILE', 'ENFILE'];

describe('one table of what a disk error code means', () => {
  it.each(CODES)('%s reads the same to the saving state, a failed write and a download', (code) => {
    const fault = diskFaultOf(fsError(code));
    expect(fault).not.toBeNull();
    if (fault === null) return;
    const save = describeSaveFailure(code, '/home/ana/.config/CAMB Watch/watch-list.json');
    expect(save.summary).toBe(fault.what);
    expect(describeWriteFailure(fsError(code))).toContain(fault.what);
    const download = describeDownloadError(fsError(code), false);
    // Each says it in its own sentence, and none shows the raw code or a catch-all.
    for (const sentence of [save.summary, save.message, describeWriteFailure(fsError(code)), download]) {
      expect(sentence).not.toContain(code);
      expect(sentence).not.toMatch(/something went wrong|refused the write|cannot be written$/iu);
    }
  });

  it('finds the code under the wrappers undici and Electron put around it', () => {
    const wrapped = new TypeError('fetch failed', { cause: fsError('ENOSPC') });
    expect(errorCode(wrapped)).toBe('ENOSPC');
    expect(diskFaultOf(wrapped)?.kind).toBe('full');
    expect(diskFaultOf(new Error('net::ERR_FILE_NO_SPACE'))?.kind).toBe('full');
    expect(diskFaultOf(new Error('net::ERR_ACCESS_DENIED'))?.kind).toBe('not-allowed');
  });

  it('says nothing of a code that is not about the disk, and is not fooled by inherited names', () => {
    expect(diskFaultOf(fsError('ECONNRESET'))).toBeNull();
    expect(diskFaultOf(fsError('toString'))).toBeNull();
    expect(diskFaultOf(fsError('__proto__'))).toBeNull();
    expect(diskFaultOf(null)).toBeNull();
    expect(diskFaultOf('ENOSPC')).toBeNull();
  });

  it('keeps the quota and the lost lock as details of their sentence', () => {
    expect(describeWriteFailure(fsError('EDQUOT'))).toBe(
      'the disk is full (your disk quota is used up). Free some space on it and try again',
    );
    expect(describeSaveFailure('EDQUOT', '/data/watch-list.json').message).toContain(
      'the disk holding /data is full (your disk quota is used up). Free some space on it, for example',
    );
    expect(describeWriteFailure(fsError('ELOCKLOST'))).toMatch(
      /^another CAMB Watch program took over its folder \(while this one was not responding/u,
    );
  });
});
