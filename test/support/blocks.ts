import type { KnownBlock } from '@slack/types';

export interface Interactive {
  action_id: string;
  type: string;
  value?: string;
  options?: Array<{ value: string }>;
  option_groups?: Array<{ options: Array<{ value: string }> }>;
}

/** Every button and menu of a message or view: in actions and context_actions blocks and as section accessories. */
export function interactiveElements(blocks: readonly KnownBlock[] | undefined): Interactive[] {
  return (blocks ?? []).flatMap((block) => {
    const loose = block as { elements?: unknown[]; accessory?: unknown };
    const inRow = block.type === 'actions' || block.type === 'context_actions';
    const candidates = [...(inRow ? (loose.elements ?? []) : []), ...(loose.accessory ? [loose.accessory] : [])];
    return candidates.filter((element): element is Interactive => typeof (element as Interactive).action_id === 'string');
  });
}

export function findElement(blocks: readonly KnownBlock[] | undefined, matches: (element: Interactive) => boolean): Interactive {
  const found = interactiveElements(blocks).find(matches);
  if (!found)
    throw new Error(
      `no such element among ${interactiveElements(blocks)
        .map((e) => e.action_id)
        .join(', ')}`,
    );
  return found;
}

/** One half of Slack's feedback control (👍 or 👎), as a click on it arrives: the control's action_id, that half's value. */
export function feedbackHalf(blocks: readonly KnownBlock[] | undefined, vote: 'up' | 'down'): { actionId: string; value: string } {
  const control = findElement(blocks, (e) => e.type === 'feedback_buttons') as Interactive & Record<'positive_button' | 'negative_button', { value: string }>;
  return { actionId: control.action_id, value: (vote === 'up' ? control.positive_button : control.negative_button).value };
}
