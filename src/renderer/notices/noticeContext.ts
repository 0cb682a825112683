import { createContext, useContext } from 'react';
import type { LocalNotice } from './useNotices';

/** Raises a notice from anywhere in the window (an Undo after a removal, a failed action). */
export const NoticeContext = createContext<(notice: LocalNotice) => void>(() => undefined);

export function useAddNotice(): (notice: LocalNotice) => void {
  return useContext(NoticeContext);
}
