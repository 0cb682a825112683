import path from 'node:path';
import type { SaveProblem } from '../../../shared/serviceState';
import { diskFaultOfCode } from '../diskFaults';

/** Said after every reason: what the user risks, and that nothing needs doing once the cause is gone. */
const KEPT =
  'Nothing you confirmed is lost, and saving is tried again by itself; until it works, a change that cannot be kept is refused with a message.';

/**
 * Why the watch list file could not be written, from the system's error code, as something a person can
 * act on: free space on a full disk; on a read-only disk or a folder they may not write, which folder and
 * what to check. Used by the app for its saving state and by the CLI when it looks at the same folder.
 */
export function describeSaveFailure(code: string | null, file: string): SaveProblem {
  const folder = path.dirname(file);
  const fault = diskFaultOfCode(code);
  if (fault === null)
    return {
      summary: 'its file cannot be written',
      message: `The watch list cannot be saved to ${file}${code === null ? '' : ` (${code})`}: check that the disk has room and the folder can be written. ${KEPT}`,
    };
  const detail = fault.detail === null ? '' : ` (${fault.detail})`;
  const summary = fault.what;
  switch (fault.kind) {
    case 'full':
      return {
        summary,
        message: `The watch list cannot be saved: the disk holding ${folder} is full${detail}. ${fault.remedy}, for example by emptying the trash or removing large files. ${KEPT}`,
      };
    case 'read-only':
      return {
        summary,
        message: `The watch list cannot be saved: ${folder} is on a disk mounted read-only. Check that the disk is mounted for writing (an external or network disk may have been remounted read-only after an error). ${KEPT}`,
      };
    case 'not-allowed':
      return {
        summary,
        message: `The watch list cannot be saved: CAMB Watch may not write in ${folder}. Check that this folder and ${path.basename(file)} belong to your user account and are not marked read-only. ${KEPT}`,
      };
    case 'taken-over':
      return {
        summary,
        message: `The watch list is no longer saved here: another CAMB Watch program took over ${folder}${detail}. Quit this one and keep the other, or quit both and start one again: changes made here are refused until then.`,
      };
    default:
      return {
        summary,
        message: `The watch list cannot be saved to ${file}: ${fault.what}${detail}. ${fault.remedy} and try again. ${KEPT}`,
      };
  }
}

/** Some tasks hold data the saved list cannot take: the list was saved without them. */
export function describeLeftOut(leftOut: number): SaveProblem {
  const [which, them, they] =
    leftOut === 1 ? ['1 task holds', 'it', 'it stays'] : [`${leftOut} tasks hold`, 'them', 'they stay'];
  return {
    summary: leftOut === 1 ? '1 task cannot be saved' : `${leftOut} tasks cannot be saved`,
    message: `${which} data that does not fit the saved watch list: the list was saved without ${them}, and ${they} listed until CAMB Watch quits.`,
  };
}
