import { renderTip } from '../../../cards/index.js';
import type { CardKey, Tip } from '../../../knowledge/index.js';
import type { Subcommand } from './srm.js';

const NO_TIP = 'There is no tip today: the knowledge base has no tip in the rotation yet.';

/**
 * `/srm tip`: today's tip, the very one the tip channels get, shown only to the asker. `/srm tip for s3` (or any
 * subject the engine reads: "rds patching", "encryption"): a tip on that subject, the same one all day.
 */
export const tipSubcommand: Subcommand = ({ args, deps }) => {
  const today = deps.todaysTip();
  const subject = args.replace(/^\s*(?:for|about|on|re)\b/i, '').trim();
  if (subject.length > 0) {
    const match = deps.engine.answer(subject).match;
    const tip = match ? tipAbout(deps.kb.tips, match, today?.date ?? new Date().toISOString().slice(0, 10)) : null;
    if (tip) return renderTip(deps.kb, tip.tip, tip.date);
  }
  return today ? renderTip(deps.kb, today.tip, today.date) : { text: NO_TIP, blocks: [] };
};

/** A tip on the card's subject (its service and topic, else its service, else its topic), chosen by the date. */
function tipAbout(tips: readonly Tip[], key: CardKey, date: string): { tip: Tip; date: string } | null {
  const onCard = tips.filter((t) => t.service === key.service && (key.topic === null || t.topic === key.topic));
  const onService = key.service ? tips.filter((t) => t.service === key.service) : [];
  const onTopic = key.topic ? tips.filter((t) => t.topic === key.topic) : [];
  const pool = [onCard, onService, onTopic].find((candidates) => candidates.length > 0);
  if (!pool) return null;
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  return { tip: pool[day % pool.length]!, date };
}
