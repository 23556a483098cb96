import type { Handlers } from '../handler';

/** A job is followed and cancelled by whoever started it, whatever the work (services/jobs.ts). */
export const jobsHandlers: Handlers<'jobs.status' | 'jobs.cancel'> = {
  'jobs.status': (ctx, input) => ctx.app.jobs.get(input.id, ctx.caller.username),
  'jobs.cancel': (ctx, input) => ctx.app.jobs.cancel(input.id, ctx.caller.username),
};
