import type { ActionMessage } from './useActionMessage';

export function ActionMessageView({ message }: { readonly message: ActionMessage | null }) {
  if (message === null) return null;
  return (
    <p className={message.tone === 'ok' ? 'field-note' : 'field-error'} role="status">
      {message.text}
    </p>
  );
}
