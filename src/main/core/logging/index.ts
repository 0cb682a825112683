export { silentLogger, type Logger } from './logger';
export { redactingLogger } from './redactingLogger';
export { createRedactor, type Redactor } from './redactor';
export { createStreamLogger, logLevelSchema, type LogLevel } from './streamLogger';
