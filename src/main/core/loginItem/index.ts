export { applyLinuxAutostart, execProgram, withoutLineBreaks } from './linuxAutostart';
export { macStartedAtLogin } from './macLoginStart';
