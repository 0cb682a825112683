import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppHost } from '../../../src/main/core/appHost';
import type { AppHost } from '../../../src/main/core/appHost';
import { silentLogger } from '../../../src/main/core/logging/logger';
import { createUpdateController, type UpdaterPort } from '../../../src/main/core/updates';
import type { EventChannel, EventPayload } from '../../../src/shared/contract';
import type { ServiceState } from '../../../src/shared/serviceState';
import { createWatchServiceHarness, type ServiceHarnessOptions } from '../../support/watchServiceHarness';
import type { WatchServiceHarness } from '../../support/watchServiceHarness';

export interface SentEvent {
  readonly event: EventChannel;
  readonly payload: unknown;
}

export interface AppHostHarness {
  readonly h: WatchServiceHarness;
  readonly host: AppHost;
  readonly sent: SentEvent[];
  readonly opened: string[];
  readonly shown: string[];
  readonly loginItem: boolean[];
  readonly downloadsDir: string;
  /** Runs a request the way a window sends it: as plain JSON data. */
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  eventsOf<E extends EventChannel>(event: E): EventPayload<E>[];
  /**
   * One fact of the app's state as the window saw it change: picked from each `serviceState` event, from
   * the state when the window attached, repeats left out (what a banner showing only that fact shows).
   */
  stateChanges<T>(pick: (state: ServiceState) => T): T[];
  /** Every envelope and event the page received, as text (to prove what never leaves main). */
  everythingThePageSaw(): string;
  close(): Promise<void>;
}

export async function createAppHostHarness(
  options: ServiceHarnessOptions & {
    allowLoopbackHttp?: boolean;
    updater?: UpdaterPort;
    /** The desktop's clipboard (a notification's Copy link); none by default, as in the web host. */
    copyText?: (text: string) => Promise<void>;
    /** The system refuses to open links (no default browser). */
    openExternalFails?: boolean;
  } = {},
): Promise<AppHostHarness> {
  const h = await createWatchServiceHarness(options);
  const downloadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-downloads-'));
  const opened: string[] = [];
  const shown: string[] = [];
  const loginItem: boolean[] = [];
  const host = createAppHost({
    service: h.service,
    platform: {
      host: 'web',
      downloadsDir,
      openExternal: async (url) => {
        if (options.openExternalFails === true) throw new Error('No application knows how to open https');
        opened.push(url);
      },
      showItemInFolder: (file) => shown.push(file),
      applyLaunchAtLogin: (enabled) => loginItem.push(enabled),
      ...(options.copyText === undefined ? {} : { copyText: options.copyText }),
    },
    fetch,
    clock: h.clock,
    logger: silentLogger,
    allowLoopbackHttp: options.allowLoopbackHttp ?? false,
    ...(options.updater === undefined
      ? {}
      : {
          updates: createUpdateController({
            clock: h.clock,
            logger: silentLogger,
            availability: { available: true },
            updater: options.updater,
          }),
        }),
  });
  const sent: SentEvent[] = [];
  const envelopes: unknown[] = [];
  const attachedWith = h.service.state();
  host.attach((event, payload) => sent.push({ event, payload: structuredClone(payload) }));
  return {
    h,
    host,
    sent,
    opened,
    shown,
    loginItem,
    downloadsDir,
    async invoke(channel, payload = {}) {
      const envelope = await host.dispatch(channel, JSON.parse(JSON.stringify(payload)));
      envelopes.push(envelope);
      return envelope;
    },
    eventsOf: (event) => sent.filter((entry) => entry.event === event).map((entry) => entry.payload) as never,
    stateChanges(pick) {
      const seen: ReturnType<typeof pick>[] = [];
      let last = JSON.stringify(pick(attachedWith));
      for (const { event, payload } of sent) {
        if (event !== 'serviceState') continue;
        const fact = pick(payload as ServiceState);
        if (JSON.stringify(fact) === last) continue;
        last = JSON.stringify(fact);
        seen.push(fact);
      }
      return seen;
    },
    everythingThePageSaw: () => JSON.stringify({ envelopes, sent }),
    async close() {
      host.dispose();
      await h.close();
      fs.rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}
