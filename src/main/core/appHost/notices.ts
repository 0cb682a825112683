export type NoticeLevel = 'info' | 'success' | 'warning' | 'error';
