import { renderTip } from '../../../cards/index.js';
import type { Subcommand } from './srm.js';

const NO_TIP = 'There is no tip today: the knowledge base has no tip in the rotation yet.';

/** `/srm tip`: today's tip, the very one the tip channels get, shown only to the asker. */
export const tipSubcommand: Subcommand = ({ deps }) => {
  const today = deps.todaysTip();
  return today ? renderTip(deps.kb, today.tip, today.date) : { text: NO_TIP, blocks: [] };
};
