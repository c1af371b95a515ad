/**
 * The emoji the cards use, by Slack shortcode, with the character a terminal shows instead. Cards can only
 * name emoji listed here, so the terminal rendering never prints a bare `:shortcode:`.
 */
export const EMOJI_CHARACTERS = {
  label: '🏷️',
  white_check_mark: '✅',
  warning: '⚠️',
  mag: '🔍',
  thinking_face: '🤔',
  cloud: '☁️',
  raising_hand: '🙋',
  handshake: '🤝',
  building_construction: '🏗️',
  gear: '⚙️',
  globe_with_meridians: '🌐',
  information_source: 'ℹ️',
  books: '📚',
  bulb: '💡',
  '+1': '👍',
  '-1': '👎',
  thumbsup: '👍',
  thumbsdown: '👎',
  bar_chart: '📊',
  compass: '🧭',
  wave: '👋',
  speech_balloon: '💬',
  calendar: '📅',
  x: '❌',
  point_right: '👉',
  mortar_board: '🎓',
  computer: '💻',
  shield: '🛡️',
  rotating_light: '🚨',
  fire: '🔥',
  trophy: '🏆',
  busts_in_silhouette: '👥',
} as const;

export type EmojiName = keyof typeof EMOJI_CHARACTERS;

export const emoji = (name: EmojiName): string => `:${name}:`;
