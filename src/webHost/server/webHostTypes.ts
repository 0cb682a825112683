import type { AppHost } from '../../main/core/appHost';
import type { CambFetch } from '../../main/core/camb';
import type { Clock } from '../../main/core/clock';
import type { Logger } from '../../main/core/logging';
import type { Environment } from '../../main/core/secrets';
import type { SecretStore } from '../../main/core/secrets';
import type { UpdaterPort } from '../../main/core/updates';
import type { WatchService } from '../../main/core/watchService';

export interface WebHostOptions {
  /** The folder of the watch list (`watch-list.json`) and of downloads (`downloads/`); created if missing. */
  readonly stateDir: string;
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** The CAMB API base URL; default https://client.camb.ai/apis. A loopback base allows plain-http result links. */
  readonly apiBase?: string;
  /** Default systemClock. Tests pass a VirtualClock and drive it (see WebHost.service.whenIdle). */
  readonly clock?: Clock;
  /** For CAMB requests and result downloads; default Node's fetch. */
  readonly fetch?: CambFetch;
  /** The built renderer (a folder with index.html); default out/renderer. */
  readonly rendererDir?: string;
  /** The built browser bridge served at /__camb-watch/bridge.js; default out/web-bridge/bridge.js. */
  readonly bridgeScript?: string;
  /**
   * Where the API key is kept. Default: in memory for this run ("memory (this development session)"),
   * with a CAMB_API_KEY in `environment` taking precedence.
   */
  readonly secrets?: SecretStore;
  /** Consulted for CAMB_API_KEY by the default secret store; default process.env. */
  readonly environment?: Environment;
  /** Every line passes through a redactor that knows each key the host has seen. Default silent. */
  readonly logger?: Logger;
  /**
   * Tests only: a scripted updater, to walk the Settings update states in a real browser. The web host
   * itself never updates (without one, Settings says so); the command line never passes one.
   */
  readonly updater?: UpdaterPort;
  /** Tests only: Settings as a copy that cannot update shows it (an unsigned macOS build, …). */
  readonly updatesUnavailable?: { readonly reason: string; readonly releasesUrl?: string };
}

/** One body that crossed the local socket, as the page sent or received it. */
export interface TrafficEntry {
  /** 'request': from the page; 'response': an invoke answer or refusal; 'event': a server-sent event. */
  readonly direction: 'request' | 'response' | 'event';
  /** The invoke channel or event name; for a refusal before routing, the request path. */
  readonly channel: string;
  /** Exactly the bytes written or read, as text. */
  readonly body: string;
}

export interface WebHost {
  /** The address to open: `http://127.0.0.1:<port>/#token=<token>` (the fragment never reaches a server log). */
  readonly url: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** The per-run token every contract request must carry as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** The real core; tests drive time with their clock and `await service.whenIdle()`. */
  readonly service: WatchService;
  readonly host: AppHost;
  /** Links the page asked to open outside the app (the web host records them instead of opening a browser). */
  readonly openedLinks: readonly string[];
  /** Files the page asked to show in their folder ("Show in folder"), recorded the same way. */
  readonly shownFiles: readonly string[];
  /** Tells `listener` every body sent to or received from the page until the returned function is called. */
  observeTraffic(listener: (entry: TrafficEntry) => void): () => void;
  /** Ends every event stream, stops the server and the core, and waits for downloads to end. Idempotent. */
  close(): Promise<void>;
}
