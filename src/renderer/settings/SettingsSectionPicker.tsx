import { useId } from 'react';

/** One page of Settings: what the side list and the picker call it. */
export interface SettingsSection<Name extends string> {
  readonly name: Name;
  readonly title: string;
}

interface SettingsSectionPickerProps<Name extends string> {
  readonly sections: readonly SettingsSection<Name>[];
  readonly current: Name;
  readonly narrow: boolean;
  readonly onChoose: (name: Name) => void;
}

/**
 * Which page of Settings shows: a side list of buttons in a desktop-sized window, a drop-down in the
 * popover (where a side list would take half the width). One page at a time keeps Settings short
 * enough to read without a long scroll.
 */
export function SettingsSectionPicker<Name extends string>({
  sections,
  current,
  narrow,
  onChoose,
}: SettingsSectionPickerProps<Name>) {
  const id = useId();
  if (narrow) {
    return (
      <div className="settings-picker">
        <label htmlFor={`${id}-section`}>Section</label>
        <select
          id={`${id}-section`}
          value={current}
          onChange={(event) => onChoose(event.target.value as Name)}
        >
          {sections.map((section) => (
            <option key={section.name} value={section.name}>
              {section.title}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <nav className="settings-side-list" aria-label="Settings sections">
      <ul>
        {sections.map((section) => (
          <li key={section.name}>
            <button
              type="button"
              aria-current={section.name === current ? 'page' : undefined}
              onClick={() => onChoose(section.name)}
            >
              {section.title}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
