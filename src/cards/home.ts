import type { KnownBlock } from '@slack/types';
import { CATEGORY_IDS, categoryNote, type KnowledgeBase, type Tip } from '../knowledge/index.js';
import { actions, bulletList, context, divider, header, section } from './blocks.js';
import { CATEGORIES } from './categories.js';
import { emoji } from './emoji.js';
import { escapeMrkdwn as esc } from './escape.js';
import { exampleButtons, WAYS_TO_ASK, WHAT_SRM_BOT_DOES } from './help.js';
import { browseSelect } from './parts.js';
import { tipActions } from './tip.js';
import type { HomeView } from './types.js';

const MODEL_IN_BRIEF =
  'Under the *AWS Shared Responsibility Model*, AWS secures the cloud itself: data centres, hardware, the global ' +
  'network and the software that runs its services. You secure what you put in it: your data, identities and ' +
  'configuration and, depending on the service, the operating system and network rules.';

/*
 * Menus and buttons sit in rows of their own under the text they belong to, not beside it: beside a paragraph
 * they squeeze it into a narrow column on a phone.
 */

function categoryBlocks(kb: KnowledgeBase): KnownBlock[] {
  const services = [...kb.services.values()];
  return CATEGORY_IDS.flatMap((id) => {
    const category = CATEGORIES[id];
    const note = categoryNote(kb, id);
    const choices = services.filter((s) => s.category === id).map((s) => ({ label: s.name, value: s.id }));
    return [
      section(`${category.symbol} *${category.name} services*\n${category.split}\n_AWS's examples: ${category.awsExamples}_`),
      ...(note ? [context([`${emoji('information_source')} ${esc(note.note)}`])] : []),
      ...(choices.length > 0 ? [actions(`srm_browse_${id}`, [browseSelect('Open a service…', choices, id)])] : []),
    ];
  });
}

function tipBlocks(kb: KnowledgeBase, tip: Tip | null): KnownBlock[] {
  if (!tip) return [];
  return [divider(), section(`${emoji('bulb')} *Today's tip: ${esc(tip.title)}*\n${esc(tip.do)}`), ...tipActions(kb, tip)];
}

/** App Home: what the bot is, the three categories with a menu of their services, today's tip, how to ask. */
export function renderHome(kb: KnowledgeBase, tip: Tip | null): HomeView {
  return {
    type: 'home',
    blocks: [
      header(`${emoji('shield')} srm-bot: who secures what on AWS`),
      section(`${WHAT_SRM_BOT_DOES}\n\n${MODEL_IN_BRIEF}`),
      divider(),
      header('The three service categories'),
      section('How much is yours depends on the kind of service. Pick a service to see its card.'),
      ...categoryBlocks(kb),
      divider(),
      section(`${emoji('label')} *Security topics* across every category, and ${emoji('mortar_board')} *concepts* of the model itself`),
      actions('srm_browse_topics', [
        browseSelect(
          'Open a topic…',
          [...kb.topics.values()].map((t) => ({ label: t.title, value: t.id })),
          'topics',
        ),
        browseSelect(
          'Open a concept…',
          [...kb.concepts.values()].map((c) => ({ label: c.title, value: c.id })),
          'concepts',
        ),
      ]),
      ...tipBlocks(kb, tip),
      divider(),
      section(`${emoji('speech_balloon')} *How to ask*\n${bulletList(WAYS_TO_ASK)}`),
      exampleButtons('srm_examples', 4),
    ],
  };
}
