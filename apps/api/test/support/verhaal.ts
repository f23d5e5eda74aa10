/**
 * A story: tests that are steps of one sequence on shared state (a prestatieafspraak drafted,
 * signed, changed, ended; a bod written then sent), where each step's assertions are about the
 * state the earlier steps left. Written with plain `it`, such a step fails when run alone
 * (`-t '<name>'`): the state it needs was never made.
 *
 *   const stap = verhaal();
 *   stap('drafts a concept', async () => { v1 = await …; expect(v1.status).toBe('CONCEPT'); });
 *   stap('signs it', async () => { v1 = await …(v1.id) … });
 *
 * `stap` is `it` that first runs every earlier step of the same story that has not run yet (each
 * step runs at most once per file), so a whole run does exactly what it did with `it`, and one
 * step run alone runs the steps it builds on first. When an earlier step failed, later ones fail
 * with its name instead of with a confusing follow-on error. Keep a story inside one describe
 * block: steps do not run the beforeAll/beforeEach of another block. Setup that is not itself a
 * step belongs in beforeAll or a fixture builder, not in a story.
 */
export interface Stap {
  (naam: string, fn: () => Promise<unknown>, timeout?: number): void;
  /** Runs every step of the story not run yet: for a later block (its beforeAll) that reads what the whole story left. */
  alles(): Promise<void>;
  /** For a test between steps that is not one (an it.each): runs the steps declared so far, and no later ones. */
  totHier(): () => Promise<void>;
}

export function verhaal(): Stap {
  const stappen: { naam: string; fn: () => Promise<unknown>; klaar?: Promise<unknown> }[] = [];
  const voerUit = (i: number) => (stappen[i].klaar ??= stappen[i].fn());
  const tot = async (n: number) => {
    for (let j = 0; j < n; j++) {
      try {
        await voerUit(j);
      } catch (err) {
        throw new Error(
          `an earlier step of this story failed: '${stappen[j].naam}'\n${(err as Error).message}`,
        );
      }
    }
  };
  const stap = (naam: string, fn: () => Promise<unknown>, timeout?: number) => {
    const i = stappen.push({ naam, fn }) - 1;
    it(
      naam,
      async () => {
        await tot(i);
        await voerUit(i);
      },
      timeout,
    );
  };
  return Object.assign(stap, {
    alles: () => tot(stappen.length),
    totHier: () => {
      const n = stappen.length;
      return () => tot(n);
    },
  });
}
