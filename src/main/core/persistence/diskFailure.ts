import { diskFaultOf } from '../diskFaults';

/**
 * What a failed write means to a user, and what they can do, as the end of a sentence ("… cannot be written
 * because the disk is full. Free some space on it and try again"); never the code itself. The words come
 * from the one table of disk faults (diskFaults/diskFault.ts).
 */
export function describeWriteFailure(error: unknown): string {
  const fault = diskFaultOf(error);
  if (fault === null)
    return 'the disk refused the write. Check that it has room and can be written, then try again';
  const detail = fault.detail === null ? '' : ` (${fault.detail})`;
  return `${fault.what}${detail}. ${fault.remedy} and try again`;
}
