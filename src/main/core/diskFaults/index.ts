export {
  diskFaultOf,
  diskFaultOfCode,
  errorCode,
  errorCodes,
  type DiskFault,
  type DiskFaultKind,
} from './diskFault';
