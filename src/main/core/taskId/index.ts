export { parseTaskId } from './parseTaskId';
export { TASK_ID_MAX_LENGTH, taskIdSchema } from './taskIdSchema';
