import { parseCardKey, type CardKey } from '../knowledge/index.js';

/** Every card's header block carries its key in its block_id (src/cards/parts.ts frameCard). */
const CARD_BLOCK_PREFIX = 'srm_card:';

/** A message of a thread, as far as telling the bot's cards apart needs. */
export interface ThreadMessage {
  user?: string;
  bot_id?: string;
  blocks?: Array<{ type?: string; block_id?: string }>;
}

/** This app's bot id and bot user id: a card only counts when the bot posted it. */
export interface Bot {
  botId?: string | undefined;
  botUserId?: string | undefined;
}

/** The card a message of the bot shows, from its header's block_id; null for anything else. */
export function cardShownBy(message: ThreadMessage, { botId, botUserId }: Bot): CardKey | null {
  const fromBot = (botId !== undefined && message.bot_id === botId) || (botUserId !== undefined && message.user === botUserId);
  if (!fromBot) return null;
  const header = message.blocks?.find((block) => block.type === 'header' && block.block_id?.startsWith(CARD_BLOCK_PREFIX));
  return header?.block_id ? parseCardKey(header.block_id.slice(CARD_BLOCK_PREFIX.length)) : null;
}
