import { describe, expect, it } from 'vitest';
import {
  commandKeyLabel,
  shortcutAction,
  shortcutHelp,
  type KeyContext,
  type KeyPress,
} from '../../../src/renderer/keyboard/keymap';

const press = (key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

const linux: KeyContext = { mac: false, typing: false };
const mac: KeyContext = { mac: true, typing: false };
const typingOnLinux: KeyContext = { mac: false, typing: true };

describe('keymap', () => {
  it.each([
    ['/', 'search'],
    ['?', 'help'],
    ['o', 'openResult'],
    ['c', 'copyId'],
    ['r', 'checkNow'],
    ['Delete', 'remove'],
  ] as const)('reads the plain key %s as %s outside text fields', (key, action) => {
    expect(shortcutAction(press(key, { shiftKey: key === '?' }), linux)).toBe(action);
  });

  it('leaves plain keys to a text field being typed in', () => {
    for (const key of ['/', '?', 'o', 'c', 'r', 'Delete'])
      expect(shortcutAction(press(key), typingOnLinux)).toBeNull();
  });

  it('reads Ctrl+F, Ctrl+N and Ctrl+, elsewhere, also while typing', () => {
    for (const context of [linux, typingOnLinux]) {
      expect(shortcutAction(press('f', { ctrlKey: true }), context)).toBe('search');
      expect(shortcutAction(press('n', { ctrlKey: true }), context)).toBe('add');
      expect(shortcutAction(press(',', { ctrlKey: true }), context)).toBe('settings');
    }
    // Caps Lock on: the key comes as "F".
    expect(shortcutAction(press('F', { ctrlKey: true }), linux)).toBe('search');
  });

  it('reads Cmd (not Ctrl) on a Mac', () => {
    expect(shortcutAction(press('f', { metaKey: true }), mac)).toBe('search');
    expect(shortcutAction(press('n', { metaKey: true }), mac)).toBe('add');
    expect(shortcutAction(press('f', { ctrlKey: true }), mac)).toBeNull();
    expect(shortcutAction(press('f', { metaKey: true }), linux)).toBeNull();
  });

  it('reads a Mac keyboard’s delete key (Backspace) as Delete, and only there', () => {
    expect(shortcutAction(press('Backspace'), mac)).toBe('remove');
    expect(shortcutAction(press('Backspace'), linux)).toBeNull();
    expect(shortcutAction(press('Backspace'), { mac: true, typing: true })).toBeNull();
  });

  it('ignores keys with modifiers the shortcut does not use', () => {
    expect(shortcutAction(press('O', { shiftKey: true }), linux)).toBeNull();
    expect(shortcutAction(press('c', { ctrlKey: true }), linux)).toBeNull(); // copy, as ever
    expect(shortcutAction(press('r', { altKey: true }), linux)).toBeNull();
    expect(shortcutAction(press('f', { ctrlKey: true, shiftKey: true }), linux)).toBeNull();
    expect(shortcutAction(press('n', { ctrlKey: true, altKey: true }), linux)).toBeNull();
    expect(shortcutAction(press('x'), linux)).toBeNull();
    expect(shortcutAction(press('Enter'), linux)).toBeNull();
  });

  it('names the command key as the keyboard shows it', () => {
    expect(commandKeyLabel('F', false)).toBe('Ctrl+F');
    expect(commandKeyLabel('F', true)).toBe('⌘F');
    expect(commandKeyLabel(',', true)).toBe('⌘,');
  });

  it('lists every shortcut it reads in the help, named for the platform', () => {
    const help = (isMac: boolean) => shortcutHelp(isMac).flatMap((entry) => entry.keys);
    for (const key of ['/', '?', 'O', 'C', 'R', 'Delete', 'Enter', 'Escape'])
      expect(help(false)).toContain(key);
    expect(help(true)).toContain('⌫');
    expect(help(false)).toEqual(expect.arrayContaining(['Ctrl+F', 'Ctrl+N', 'Ctrl+,']));
    expect(help(true)).toEqual(expect.arrayContaining(['⌘F', '⌘N', '⌘,']));
    expect(help(true).some((key) => key.includes('Ctrl'))).toBe(false);
  });
});
