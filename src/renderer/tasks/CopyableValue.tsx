import { CopyButton } from '../common/CopyButton';

/** A value shown selectable, with a button that copies it. */
export function CopyableValue({ value, name }: { readonly value: string; readonly name: string }) {
  return (
    <span className="copyable">
      <code className="copyable-value">{value}</code>
      <CopyButton text={value} label={`Copy ${name}`} />
    </span>
  );
}
