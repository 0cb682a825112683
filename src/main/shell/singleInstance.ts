import { app } from 'electron';
import { secondLaunchArguments, type SecondLaunchData } from '../core/deepLinks';

/**
 * One running app per profile. A second launch hands its command line (a `--watch`, a deep link on
 * Windows and Linux, or nothing: the user opened the app again) to the first, and quits.
 * Returns false when this process is the second one.
 */
export function claimSingleInstance(onSecondLaunch: (argv: readonly string[]) => void): boolean {
  const data: SecondLaunchData = { argv: process.argv };
  if (!app.requestSingleInstanceLock(data)) return false;
  app.on('second-instance', (_event, argv, _workingDirectory, additionalData) =>
    onSecondLaunch(secondLaunchArguments(additionalData, argv)),
  );
  return true;
}
