import { deflateRawSync } from 'node:zlib';
import { expect, test } from './helpers/fixtures';
import { expectAnswering, watchLongTasks } from './helpers/answering';

/**
 * Runs the page cannot afford (issue 16): each is refused with a message naming the limit,
 * and the page keeps answering — no main-thread task over 1 s, the JS heap under 400 MB, and
 * Reset rebuilding at once.
 */

/** A link carrying this run, encoded as the page encodes its own. */
function linkTo(config: Record<string, unknown>): string {
  const json = JSON.stringify({ format: 'gossip-lab-scenario', version: 1, link: 2, model: 'spread', config, actions: [], round: 0 });
  return '/#run=' + deflateRawSync(Buffer.from(json)).toString('base64url');
}

test.describe('what a run costs', () => {
  test('a link to a 50 M-edge graph is refused with the degree that fits, and the page keeps answering', async ({ page, lab }) => {
    await watchLongTasks(page);
    await page.goto(linkTo({ nodes: 10_000, topology: 'random', degree: 9_999, seed: 4 }));
    await lab.waitReady();
    const notice = page.getByText(/^This link could not be loaded whole/);
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('$.config.degree: Degree can be at most 50 at 10,000 nodes on a random graph: the page holds at most 250,000 links (this graph: 49,995,000)');
    // The rest of the link is kept; the degree is the page's default.
    await expect(lab.field('Nodes')).toHaveValue('10000');
    await expect(lab.field('Degree')).toHaveValue('6');
    await lab.shot('link-50M-edges');
    await expectAnswering(lab, '50 M-edge link');
  });

  test('a link to a round of 500 M messages is refused with the fanout that fits', async ({ page, lab }) => {
    await watchLongTasks(page);
    await page.goto(linkTo({ nodes: 10_000, topology: 'complete', fanout: 9_999, delay: { kind: 'fixed', rounds: 5 } }));
    await lab.waitReady();
    await expect(page.getByText(/^This link could not be loaded whole/)).toContainText(
      '$.config.fanout: Fanout can be at most 20 at 10,000 nodes and a delay of up to 5 rounds: the page handles at most 1,000,000 messages per round',
    );
    await expect(lab.field('Fanout')).toHaveValue('1');
    // One informed node in 10,000 reads "<0.1%", which lab.step does not parse.
    await lab.button('Step').click();
    await lab.expectRound(1);
    await expectAnswering(lab, '500 M-message link');
  });

  test('the form set to a 50 M-edge graph caps the degree, says why, and the page keeps answering', async ({ page, lab }) => {
    await watchLongTasks(page);
    await lab.open();
    await lab.select('Topology').selectOption('random');
    await lab.setField('Nodes', '10000');
    await lab.setField('Degree', '9999');
    const degree = lab.field('Degree');
    await expect(degree).toHaveAttribute('aria-invalid', 'true');
    await expect(degree).toHaveAccessibleDescription('Degree can be at most 50 at 10,000 nodes on a random graph: the page holds at most 250,000 links (this graph: 49,995,000): using 50.');
    // Settings apply once the typing stops: the run is rebuilt at 10,000 nodes (one informed
    // node reads "<0.1%") and the degree that fits.
    await expect(lab.status).toHaveText(/^Round 0 · Informed <0\.1%/);
    await lab.waitReady();
    await lab.button('Step').click();
    await lab.expectRound(1);
    await lab.shot('form-50M-edges');
    await expectAnswering(lab, '50 M-edge form');
  });

  test('a run at the page\'s budget (250,000 links, 1,000,000 messages a round) opens whole and keeps the page answering', async ({ page, lab }) => {
    await watchLongTasks(page);
    await page.goto(linkTo({ nodes: 10_000, topology: 'random', degree: 50, fanout: 100, seed: 4 }));
    await lab.waitReady();
    await expect(page.getByText(/^Opened a shared run/)).toBeVisible();
    await expect(lab.field('Degree')).toHaveValue('50');
    await expect(lab.field('Fanout')).toHaveValue('100');
    for (let r = 1; r <= 3; r++) {
      await lab.button('Step').click();
      await lab.expectRound(r);
    }
    await expectAnswering(lab, 'run at the budget');
  });

  test('a remembered run the page cannot read is moved aside with a notice, not lost', async ({ page, lab }) => {
    const dense = linkTo({ nodes: 10_000, topology: 'random', degree: 9_999, seed: 4 }).slice(1);
    // Written as the next page starts (once): the page leaving saves its own run on the way out.
    // Into both storages: a reload reads this tab's own (sessionStorage) first.
    await page.addInitScript((hash) => {
      if (sessionStorage.getItem('planted')) return;
      sessionStorage.setItem('planted', '1');
      localStorage.setItem('gossip-lab:last-run:v1', hash);
      sessionStorage.setItem('gossip-lab:last-run:v1', hash);
    }, dense);
    await page.reload();
    await lab.waitReady();
    const notice = page.getByText(/^Your last run could not be restored/);
    await expect(notice).toContainText('Degree can be at most 50 at 10,000 nodes on a random graph');
    await expect(notice).toContainText('It is kept in this browser\'s storage under "gossip-lab:unreadable-run:v1"; the page opened with its default settings.');
    await expect(lab.field('Nodes')).toHaveValue('100');
    expect(await page.evaluate(() => localStorage.getItem('gossip-lab:unreadable-run:v1'))).toBe(dense);
  });
});
