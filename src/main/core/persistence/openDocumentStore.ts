import Conf from 'conf';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import { durableStore } from './durableStore';
import { openWithRecovery, type OpenedStore } from './openWithRecovery';
import type { PersistedDocument } from './persistedDocument';
import { DOCUMENT_STORE_NAME, documentStoreFile, documentStoreOptions } from './storeOptions';

export interface OpenDocumentStoreOptions {
  /** The folder holding `watch-list.json`. */
  readonly cwd: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The document store of the CLI and tests: plain `conf` in `cwd`, with damaged files moved aside
 * and every write on disk (file and folder synced) before it returns. */
export function openDocumentStore({ cwd, clock, logger }: OpenDocumentStoreOptions): OpenedStore {
  return openWithRecovery({
    filePath: documentStoreFile(cwd),
    createStore: () =>
      durableStore(
        new Conf<PersistedDocument>({ ...documentStoreOptions, cwd, configName: DOCUMENT_STORE_NAME }),
      ),
    clock,
    logger,
  });
}
