import { describe, expect, it } from 'vitest';
import { renderAnswer, renderCard, renderForTerminal, renderHome } from '../src/cards/index.js';
import { readableFill, syntheticKnowledge } from './fixtures/cards/syntheticKnowledge.js';

const kb = syntheticKnowledge({ fill: readableFill, coveredTopics: () => ['encryption'] });
const BOLD = '\x1b[1m';

describe('renderForTerminal', () => {
  // The terminal (srm ask, the local console) shows the full card: nothing there can press "Details".
  const card = renderCard(kb, { service: 's3', topic: 'encryption' }, { surface: 'ephemeral', length: 'full' });
  const plain = renderForTerminal(card, { color: false });
  const colored = renderForTerminal(card, { color: true });

  it('underlines the header', () => {
    const [title, rule] = plain.split('\n');
    expect(title).toBe('s3.name · encryption.title');
    expect(rule).toMatch(/^═{10,}$/);
  });

  it('shows the two sides as labelled lists of bullets', () => {
    expect(plain).toContain('AWS — security OF the cloud\n• s3.encryption.aws.1\n• s3.encryption.aws.2');
    expect(plain).toContain('You — security IN the cloud\n• s3.encryption.customer.1');
  });

  it('indents commands, writes links as "label (url)" and buttons in brackets', () => {
    expect(plain).toContain('\n    s3.encryption.command\n');
    expect(plain).toContain('s3.encryption.link1 (https://docs.aws.amazon.com/s3.encryption/1)');
    expect(plain).toContain('[ Share in channel ]');
    expect(plain).toContain('[ 👍 ] [ 👎 ]');
    expect(plain).toContain('[ Related cards… ▾ ]');
  });

  it('turns emoji shortcodes into characters', () => {
    expect(plain).toContain('✅ Best practices');
    expect(plain).not.toMatch(/:white_check_mark:|:warning:/);
  });

  it('makes *bold* bold only in colour, and drops the markers otherwise', () => {
    expect(plain).not.toContain('\x1b[');
    expect(plain).not.toContain('*Best practices*');
    expect(colored).toContain(`${BOLD}Best practices\x1b[22m`);
    expect(colored).toContain(`${BOLD}s3.name · encryption.title\x1b[22m`);
  });

  it('decodes entities once, so escaped user text reads as typed', () => {
    const message = renderAnswer(
      kb,
      { query: 'q', readable: 'a <b> & c &amp; d', kind: 'no_match', match: null, suggestions: [], reason: 'not_understood' },
      { surface: 'ephemeral' },
    );
    expect(renderForTerminal(message, { color: false })).toContain('“a <b> & c &amp; d”');
  });

  it('drops control characters from the text so a query cannot drive the terminal', () => {
    const message = renderAnswer(
      kb,
      { query: 'q', readable: 'x\x1b]0;pwned\x07y \x1b[2J', kind: 'no_match', match: null, suggestions: [], reason: 'not_understood' },
      { surface: 'ephemeral' },
    );
    const out = renderForTerminal(message, { color: true });
    expect(out).not.toContain('\x1b]');
    expect(out).not.toContain('\x1b[2J');
    expect(out).not.toContain('\x07');
  });

  it('renders App Home menus as well', () => {
    const home = renderForTerminal(renderHome(kb, null), { color: false });
    expect(home).toContain('[ Open a service… ▾ ]');
    expect(home).toContain('Infrastructure services');
  });
});
