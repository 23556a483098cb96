import { describe, expect, it } from 'vitest';
import { allowedActions, lifecycles, movesOf, step, stepTo } from '../../../electron/core';
import { role } from '../../../electron/vocab';

/** Generated from the tables: every state × every action × every role, for every lifecycle. */
for (const [key, l] of Object.entries(lifecycles)) {
  type S = (typeof l.states.values)[number];
  const actions = Object.keys(l.actions) as string[];
  const run = (from: string, action: string, r: (typeof role.values)[number], fields?: Record<string, unknown>) =>
    step(l as never, from as never, action as never, { role: r, fields });

  describe(`${key}: ${l.name}`, () => {
    for (const from of l.states.values as readonly S[]) {
      for (const action of actions) {
        const t = l.transitions.find((x) => x.action === action && (x.from as readonly string[]).includes(from));
        const full = Object.fromEntries((t?.requires ?? []).map((r) => [r.field, '已填写']));
        if (!t) {
          it(`refuses ${action} from ${from}, naming the state and what is open`, () => {
            const r = run(from, action, 'evaluator', full);
            expect(r.ok).toBe(false);
            if (r.ok) return;
            expect(r.code).toBe('RULE_VIOLATION');
            expect(r.message).toContain(`当前为“${l.states.label(from as never)}”`);
            expect(r.message).toContain(`不能${(l.actions as Record<string, string>)[action]}`);
            const open = allowedActions(l as never, from as never).map(
              (a) => (l.actions as Record<string, string>)[a]!,
            );
            if (open.length) for (const o of open) expect(r.message).toContain(o);
            else expect(r.message).toContain('此时已不能再办理');
          });
          continue;
        }
        it(`${action} from ${from} leads to ${t.to === 'same' ? from : t.to} for ${t.roles.join(', ')}`, () => {
          for (const who of t.roles)
            expect(run(from, action, who, full)).toEqual({ ok: true, to: t.to === 'same' ? from : t.to });
          for (const who of role.values.filter((r) => !t.roles.includes(r))) {
            const r = run(from, action, who, full);
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.message).toContain(`“${role.label(who)}”不能`);
          }
          for (const req of t.requires ?? []) {
            const r = run(from, action, t.roles[0]!, { ...full, [req.field]: '  ' });
            expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: { path: req.field } });
            if (!r.ok) expect(r.message).toContain(req.label);
          }
        });
      }
    }

    it('names every state in some transition, and its moves follow from the table', () => {
      const named = new Set(l.transitions.flatMap((t) => [...t.from, ...(t.to === 'same' ? [] : [t.to])]));
      const unnamed = l.states.values.filter((s) => !named.has(s));
      expect(unnamed).toEqual([]);
      const moves = movesOf(l as never) as Record<string, string[]>;
      for (const [from, tos] of Object.entries(moves)) {
        for (const to of tos)
          expect(
            stepTo(l as never, from as never, to as never, {
              role: 'evaluator',
              fields: {
                reason: 'x',
                note: 'x',
                content: 'x',
                signedDate: 'x',
                partyASigner: 'x',
                partyBSigner: 'x',
                investigation: 'x',
                outcome: 'x',
                answer: 'x',
                result: 'x',
                substantiated: false,
                feedback: 'x',
                feedbackOn: 'x',
                facts: 'x',
                grounds: 'x',
                reply: 'x',
                replyOn: 'x',
                opinion: 'x',
              },
            }).ok,
          ).toBe(true);
      }
    });
  });
}
