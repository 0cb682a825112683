import { z } from 'zod';

/** What one status poll reports; fields as the fake server sends them (`run_id`, `exception_reason`, ...). */
export interface StatusReportSpec {
  readonly status: string;
  readonly runId?: number | null;
  readonly exceptionReason?: string | null;
  readonly message?: string | Record<string, unknown> | null;
}

/**
 * One stage of a task's life: reported for `polls` polls, or until `untilMs` after the task was added
 * (measured with the server's `now`, so a virtual clock drives it). The last step holds forever.
 */
export interface TimelineStep extends StatusReportSpec {
  readonly polls?: number;
  readonly untilMs?: number;
}

const stepSchema = z
  .object({
    status: z.string().min(1),
    runId: z.number().int().nullable().optional(),
    exceptionReason: z.string().nullable().optional(),
    message: z
      .union([z.string(), z.record(z.string(), z.unknown())])
      .nullable()
      .optional(),
    polls: z.number().int().positive().optional(),
    untilMs: z.number().nonnegative().optional(),
  })
  .refine(
    (step) => step.polls === undefined || step.untilMs === undefined,
    'a step has polls or untilMs, not both',
  );

const timelineSchema = z
  .array(stepSchema)
  .min(1, 'a timeline needs at least one step')
  .refine(
    (steps) => steps.slice(0, -1).every((step) => step.polls !== undefined || step.untilMs !== undefined),
    'every step but the last needs polls or untilMs (the last one holds forever)',
  );

/** Plays a task's timeline, one poll at a time. */
export class StatusTimeline {
  private index = 0;
  private pollsInStep = 0;
  private readonly steps: readonly TimelineStep[];

  constructor(
    steps: readonly TimelineStep[],
    private readonly addedAt: number,
  ) {
    const parsed = timelineSchema.safeParse(steps);
    if (!parsed.success)
      throw new Error(`Bad timeline: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    this.steps = steps;
  }

  /** The report for a poll arriving at `now`; counts the poll. */
  poll(now: number): StatusReportSpec {
    const step = this.current(now);
    this.pollsInStep++;
    return step;
  }

  /** The report a poll would get at `now`, without counting one. */
  peek(now: number): StatusReportSpec {
    return this.current(now);
  }

  private current(now: number): TimelineStep {
    for (;;) {
      const step = this.steps[this.index];
      if (step === undefined) throw new Error('timeline has no steps');
      if (this.index === this.steps.length - 1) return step;
      const pollsUsed = step.polls !== undefined && this.pollsInStep >= step.polls;
      const timeUp = step.untilMs !== undefined && now - this.addedAt >= step.untilMs;
      if (!pollsUsed && !timeUp) return step;
      this.index++;
      this.pollsInStep = 0;
    }
  }
}

type Until = Pick<TimelineStep, 'polls' | 'untilMs'>;

/** Shorthands for timeline steps: `[step.pending({ polls: 3 }), step.success(4242)]`. */
export const step = {
  pending: (until: Until = {}): TimelineStep => ({ status: 'PENDING', runId: null, ...until }),
  success: (runId: number, extra: Omit<TimelineStep, 'status' | 'runId'> = {}): TimelineStep => ({
    status: 'SUCCESS',
    runId,
    ...extra,
  }),
  error: (exceptionReason: string | null = null, message: TimelineStep['message'] = null): TimelineStep => ({
    status: 'ERROR',
    runId: null,
    exceptionReason,
    message,
  }),
  timeout: (): TimelineStep => ({ status: 'TIMEOUT', runId: null }),
  paymentRequired: (): TimelineStep => ({
    status: 'PAYMENT_REQUIRED',
    runId: null,
    exceptionReason: 'PAYMENT_REQUIRED',
  }),
  /** Any status, documented or not (e.g. 'FAILED'). */
  status: (status: string, extra: Omit<TimelineStep, 'status'> = {}): TimelineStep => ({ status, ...extra }),
};

/** The JSON body the real API sends for a report. */
export function statusBody(report: StatusReportSpec): Record<string, unknown> {
  return {
    status: report.status,
    run_id: report.runId ?? null,
    ...(report.exceptionReason !== undefined ? { exception_reason: report.exceptionReason } : {}),
    ...(report.message !== undefined ? { message: report.message } : {}),
  };
}
