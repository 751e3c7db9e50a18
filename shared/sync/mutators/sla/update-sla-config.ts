import { type BusinessCalendar, SLA_CONFIG_ID, SlaConfig, defaultSlaConfig } from '../../../domain/sla-config.ts';
import { defineMutation } from '../../mutator.ts';

/**
 * Replaces the team's SLA policies and calendar as a whole (the editor saves
 * every field; the last save wins, as with any settings form). Running clocks
 * follow the new targets at once (see shared/sla/sla-clocks.ts).
 */
export const updateSlaConfig = defineMutation({
  args: SlaConfig.pick({ calendar: true, policies: true }),
  permission: 'sla.manage',
  run: async (tx, args, ctx) => {
    await tx.put('slaConfig', {
      id: SLA_CONFIG_ID,
      calendar: args.calendar,
      policies: args.policies,
      updatedAt: ctx.now,
    });
  },
  sample: (random) => {
    const base = defaultSlaConfig(0, random.pick(['UTC', 'Europe/Berlin', 'America/New_York']));
    const minutes = random.pick([15, 30, 60, 240]);
    return {
      // Now and then a calendar without working time, which the schema refuses.
      calendar: random.chance(0.05)
        ? ({ ...base.calendar, week: [[], [], [], [], [], [], []] } as unknown as BusinessCalendar)
        : base.calendar,
      policies: { ...base.policies, urgent: { ...base.policies.urgent, firstResponseMinutes: minutes } },
    };
  },
});
