import path from 'node:path';
import type { Options } from 'conf';
import { z } from 'zod';
import { settingsSchema } from '../../../shared/settings';
import { DOCUMENT_PROJECT_VERSION, documentMigrations } from './migrations';
import { emptyDocument, persistedDocumentSchema, type PersistedDocument } from './persistedDocument';

/** File name (without `.json`) of the document: conf's `configName`, electron-store's `name`. */
export const DOCUMENT_STORE_NAME = 'watch-list';

export function documentStoreFile(directory: string): string {
  return path.join(directory, `${DOCUMENT_STORE_NAME}.json`);
}

/**
 * JSON schema for conf's ajv, derived from the zod schema so the two cannot drift. `io: 'input'` leaves
 * out `additionalProperties: false`, matching zod, which ignores unknown fields: a file written by a
 * newer version with extra fields still loads here instead of being moved aside. Each setting may be
 * missing: a file saved before a setting existed loads, and the watch list fills in its default
 * (fillDocumentDefaults), so a new setting needs no migration.
 */
const documentJsonSchema = z.toJSONSchema(
  persistedDocumentSchema.extend({ settings: settingsSchema.partial() }),
  { io: 'input' },
) as {
  properties: Record<string, object>;
  required: string[];
};
/**
 * A setting added in a later version is missing from older files. Every load fills missing settings
 * with their defaults (fillDocumentDefaults) before zod checks the whole document, so conf must not
 * refuse such a file first: that would move a healthy watch list aside as "damaged".
 */
delete (documentJsonSchema.properties['settings'] as { required?: string[] }).required;

/**
 * The conf options shared by every opener of the document: `conf` in the CLI and tests
 * (openDocumentStore), `electron-store` in the shell, which adds `name: DOCUMENT_STORE_NAME` and its
 * own folder (electron-store overwrites `configName` with `name`, so the file name is not in here).
 * `clearInvalidConfig` stays off: conf would overwrite a damaged file, while openWithRecovery moves it
 * aside first.
 */
export const documentStoreOptions: Partial<Options<PersistedDocument>> = {
  projectVersion: DOCUMENT_PROJECT_VERSION,
  migrations: documentMigrations,
  schema: documentJsonSchema.properties,
  rootSchema: { required: documentJsonSchema.required },
  // zod's JSON schema spells nullable fields as `type: [string, null]`: tell ajv that is intended.
  ajvOptions: { allowUnionTypes: true },
  defaults: emptyDocument(),
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false,
  watch: false,
};
