import { describe, expect, it } from 'vitest';
import {
  activationTarget,
  toastLaunchArguments,
  windowsToastXml,
} from '../../../src/main/core/notifications/windowsToast';

const ENTITIES: Readonly<Record<string, string>> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };

/** What Windows hands back on a click: the launch attribute, unescaped by its XML parser. */
function launchOf(xml: string): string {
  const launch = /<toast launch="([^"]*)"/u.exec(xml)?.[1] ?? '';
  return launch.replace(/&(quot|apos|lt|gt|amp);/gu, (_entity, name: string) => ENTITIES[name] ?? '');
}

describe('windowsToastXml', () => {
  it('writes the toast as Electron does, with the task in its launch arguments', () => {
    const xml = windowsToastXml({
      title: 'Story ready',
      body: 'Intro is done.',
      iconPath: 'C:\\Program Files\\CAMB Watch\\resources\\icon.png',
      silent: true,
      taskKey: 'story:1234',
    });
    expect(xml).toBe(
      '<toast launch="type=click&amp;app=camb-watch&amp;task=story%3A1234" activationType="foreground">' +
        '<visual><binding template="ToastGeneric"><text>Story ready</text><text>Intro is done.</text>' +
        '<image placement="appLogoOverride" hint-crop="none" src="C:\\Program Files\\CAMB Watch\\resources\\icon.png"/>' +
        '</binding></visual><audio silent="true"/></toast>',
    );
  });

  it('escapes what a job’s name may hold, and a task id with & and = survives the round trip', () => {
    const xml = windowsToastXml({
      title: 'Dub "A&B" <final>',
      body: "it's done",
      silent: false,
      taskKey: 'dub:a&b=c',
    });
    expect(xml).toContain('<text>Dub &quot;A&amp;B&quot; &lt;final&gt;</text><text>it&apos;s done</text>');
    expect(xml).not.toContain('<audio');
    expect(activationTarget(launchOf(xml))).toEqual({ taskKey: 'dub:a&b=c' });
  });

  it('a toast for no task opens the window as it is', () => {
    expect(activationTarget(toastLaunchArguments(null))).toEqual({ taskKey: null });
  });
});

describe('activationTarget', () => {
  it.each([
    ['another app’s arguments', 'type=click&app=other&task=story%3A1'],
    ['no app mark', 'type=click&task=story%3A1'],
    ['a broken escape', 'type=click&app=camb-watch&task=%E0%A4%A'],
    ['an unknown kind', 'type=click&app=camb-watch&task=nokind%3A1'],
    ['a kind with no id', 'type=click&app=camb-watch&task=story%3A'],
    ['a key far too long', `type=click&app=camb-watch&task=story%3A${'9'.repeat(500)}`],
    ['no pairs at all', '&&&==='],
  ])('%s: nothing to open', (_what, args) => {
    expect(activationTarget(args)).toBeUndefined();
  });

  it('a toast of an earlier version (Electron’s own, no launch arguments) opens the window', () => {
    expect(activationTarget('')).toEqual({ taskKey: null });
  });
});
