/** What a failed write's system code means to a user, and what they can do; never the code itself. */
export function describeWriteFailure(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full. Free some space on it and try again';
    case 'EROFS':
      return 'the disk is read-only. Make it writable and try again';
    case 'EACCES':
    case 'EPERM':
      return 'CAMB Watch is not allowed to write to that folder. Make it writable and try again';
    case 'ELOCKLOST':
      return 'another CAMB Watch program took over its folder while this one was not responding. Quit one of them, then try again';
    default:
      return 'the disk refused the write. Check that it has room and can be written, then try again';
  }
}
