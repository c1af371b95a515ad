import { renderTip, type SlackMessage } from '../cards/index.js';
import type { Engine } from '../engine/index.js';
import type { CardKey, KnowledgeBase, Tip } from '../knowledge/index.js';

/** Today's tip in the tip time zone (the one the tip channels get), with its date; null when there is none. */
export type TodaysTip = () => { tip: Tip; date: string } | null;

const NO_TIP = 'There is no tip today: the knowledge base has no tip in the rotation yet.';

/**
 * `/srm tip`: today's tip, the very one the tip channels get. With a subject the engine reads ("s3", "rds
 * patching", "encryption"): a tip on that subject, the same one all day; today's tip when none is on it.
 */
export function tipOn(kb: KnowledgeBase, engine: Engine, todaysTip: TodaysTip, subject: string): SlackMessage {
  const today = todaysTip();
  const match = subject.length > 0 ? engine.answer(subject).match : null;
  const tip = match ? tipAbout(kb.tips, match, today?.date ?? new Date().toISOString().slice(0, 10)) : null;
  const shown = tip ?? today;
  return shown ? renderTip(kb, shown.tip, shown.date) : { text: NO_TIP, blocks: [] };
}

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
