import { parseArgs } from 'node:util';
import { z } from 'zod';
import { baseUrlSchema } from '../main/core/camb';

export const USAGE = `Usage: npm run dev:web -- [--demo] [--state-dir DIR] [--port N] [--api-base URL]

  --demo            simulate CAMB.AI with a handful of jobs and a demo key (no account needed)
  --state-dir DIR   where the watch list is kept (default: a fresh temporary folder)
  --port N          the port on 127.0.0.1 (default: any free port)
  --api-base URL    the CAMB API to talk to (default: https://client.camb.ai/apis)`;

const argsSchema = z
  .object({
    demo: z.boolean().default(false),
    help: z.boolean().default(false),
    'state-dir': z.string().trim().min(1, { error: '--state-dir needs a folder' }).optional(),
    port: z
      .string()
      .regex(/^\d{1,5}$/u, {
        error: (issue) => `--port must be a port number, not ${JSON.stringify(issue.input)}`,
      })
      .transform(Number)
      .refine((port) => port <= 65_535, { error: '--port must be at most 65535' })
      .optional(),
    'api-base': z.string().trim().pipe(baseUrlSchema).optional(),
  })
  .refine((args) => !(args.demo && args['api-base'] !== undefined), {
    error: '--demo runs its own simulated CAMB.AI: leave out --api-base',
  });

export interface WebHostArgs {
  readonly demo: boolean;
  readonly help: boolean;
  readonly stateDir: string | undefined;
  readonly port: number;
  readonly apiBase: string | undefined;
}

export type ParsedArgs =
  { readonly ok: true; readonly args: WebHostArgs } | { readonly ok: false; readonly error: string };

/** Reads the command line; every refusal is one sentence naming the option. */
export function parseWebHostArgs(argv: readonly string[]): ParsedArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        'state-dir': { type: 'string' },
        port: { type: 'string' },
        'api-base': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = issue?.path[0];
    const message = issue?.message ?? 'the options were not understood';
    // baseUrlSchema's words do not name the option.
    return { ok: false, error: option === 'api-base' ? `--api-base ${message}` : message };
  }
  const args = parsed.data;
  return {
    ok: true,
    args: {
      demo: args.demo,
      help: args.help,
      stateDir: args['state-dir'],
      port: args.port ?? 0,
      apiBase: args['api-base'],
    },
  };
}
