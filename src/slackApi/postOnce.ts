/**
 * Posting something exactly once with Slack as the only store. Every post carries message metadata that `find`
 * can see; `find` is asked before posting and again after, and when two racing posts are both there the later
 * removes itself. The daily tip (docs/daily-tips.md) and the reply to a finding (docs/findings.md) post this way.
 */
export interface PostOnceSteps {
  /** The timestamps of every post already made for this thing, in any order. */
  find(): Promise<string[]>;
  /** Posts it; returns the new post's timestamp. */
  post(): Promise<string>;
  /** Removes a duplicate post, keeping `kept`. */
  remove(ts: string, kept: string): Promise<void>;
  /** The search after posting failed: the post stands, and a duplicate heals the next time `find` runs. */
  recheckFailed(error: unknown): void;
}

export interface PostOnceResult {
  /** False when a post was already there (or another process's won the race). */
  posted: boolean;
  /** The post that stays. */
  ts: string;
}

const byTs = (a: string, b: string): number => Number(a) - Number(b);

export async function postOnce(steps: PostOnceSteps): Promise<PostOnceResult> {
  const existing = (await steps.find()).sort(byTs);
  if (existing.length > 0) {
    await keepOnlyFirst(steps, existing);
    return { posted: false, ts: existing[0]! };
  }
  const ts = await steps.post();
  // Another process may have posted in the moment between our search and our post: both posts are now there,
  // and only the earlier stays.
  const after = await steps.find().catch((error: unknown): string[] => {
    steps.recheckFailed(error);
    return [];
  });
  const posts = (after.includes(ts) ? after : [...after, ts]).sort(byTs);
  await keepOnlyFirst(steps, posts);
  return { posted: posts[0] === ts, ts: posts[0]! };
}

async function keepOnlyFirst(steps: PostOnceSteps, posts: readonly string[]): Promise<void> {
  for (const ts of posts.slice(1)) await steps.remove(ts, posts[0]!);
}
