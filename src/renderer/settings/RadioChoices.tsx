import { useId } from 'react';

export interface RadioChoice<T extends string> {
  readonly value: T;
  readonly title: string;
  readonly explanation: string;
}

interface RadioChoicesProps<T extends string> {
  /** The group's accessible name. */
  readonly label: string;
  /** Shows the name above the choices, where one group follows another. */
  readonly showLabel?: boolean;
  /** The inputs' name, unique in the page. */
  readonly name: string;
  readonly choices: readonly RadioChoice<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
}

/** One setting chosen among a few, each with a title and a line saying what it does. */
export function RadioChoices<T extends string>({
  label,
  showLabel = false,
  name,
  choices,
  value,
  onChange,
}: RadioChoicesProps<T>) {
  const labelId = useId();
  return (
    <div
      role="radiogroup"
      className={showLabel ? 'radio-group radio-group-labelled' : 'radio-group'}
      {...(showLabel ? { 'aria-labelledby': labelId } : { 'aria-label': label })}
    >
      {showLabel && (
        <span id={labelId} className="radio-group-label">
          {label}
        </span>
      )}
      {choices.map((choice) => (
        <label key={choice.value} className="toggle">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <span>
            <span className="toggle-label">{choice.title}</span>
            <span className="toggle-description">{choice.explanation}</span>
          </span>
        </label>
      ))}
    </div>
  );
}
