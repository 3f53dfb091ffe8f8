import { expect, test } from './helpers/fixtures';
import type { GossipLab } from './helpers/lab';

/** The clamp/refusal message under a field (an alert, described by the field). */
async function expectFieldMessage(lab: GossipLab, field: string, text: string | RegExp): Promise<void> {
  const input = lab.field(field);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(text);
  const id = await input.getAttribute('aria-describedby');
  await expect(lab.page.locator(`[id="${id}"]`)).toBeVisible();
  await expect(lab.page.locator(`[id="${id}"]`)).toHaveAttribute('role', 'alert');
}

test.describe('bad input', () => {
  test('out-of-range and non-numeric settings show a message and the page keeps working', async ({ lab, page }) => {
    // A run in progress: the page rebuilds it by itself once the typing stops — never "press Reset".
    await lab.step(1);
    await lab.setField('Nodes', '0');
    await expectFieldMessage(lab, 'Nodes', 'Nodes is at least 2: using 2.');
    await expect(page.getByText(/press Reset/i)).toHaveCount(0);
    await expect(page.getByText('2 live', { exact: true })).toBeVisible();
    await lab.expectRound(0);
    await lab.shot('nodes-0');
    await lab.setField('Nodes', '1');
    await expectFieldMessage(lab, 'Nodes', 'Nodes is at least 2: using 2.');
    await lab.setField('Nodes', '2000000');
    await expectFieldMessage(lab, 'Nodes', 'Nodes can be at most 1,000,000: using 1,000,000.');
    await lab.shot('nodes-2000000');

    // A number field takes no letters: what is left is an empty field, refused with a message.
    const nodes = lab.field('Nodes');
    await nodes.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('abc');
    await expect(nodes).toHaveValue('');
    // It keeps the run's size: whichever value the page last rebuilt at (it follows the typing).
    await expectFieldMessage(lab, 'Nodes', /Nodes must be a whole number from 2 to 1,000,000; keeping (2|100|1,000,000)\./);
    await lab.shot('nodes-abc');

    await lab.setField('Nodes', '30');
    await expect(nodes).not.toHaveAttribute('aria-invalid');
    await lab.select('Topology').selectOption('complete');
    await lab.setField('Fanout', '50');
    await expectFieldMessage(lab, 'Fanout', /Fanout can be at most 29 .*: using 29\./);
    await lab.setField('Packet loss', '150');
    await expectFieldMessage(lab, 'Packet loss', 'Packet loss goes from 0 to 100 %: using 100 %.');
    await lab.shot('fanout-loss');
    // The run was rebuilt at round 0 with the values actually used, no Reset pressed.
    await lab.expectRound(0);
    await expect(page.getByText('30 live', { exact: true })).toBeVisible();

    // Reset shows the values actually used in the form, and the run goes on at 100 % loss: the origin
    // sends to all 29 others each round and nothing arrives.
    await lab.button('Reset').click();
    await lab.waitReady();
    await expect(nodes).toHaveValue('30');
    await expect(lab.field('Fanout')).toHaveValue('29');
    await expect(lab.field('Packet loss')).toHaveValue('100');
    await expect(lab.field('Packet loss')).toHaveAccessibleDescription('At 100 % loss no message arrives, so nothing can spread.');
    await expect(page.getByText('30 live', { exact: true })).toBeVisible();
    await lab.step(3);
    await expect(lab.status).toHaveText('Round 3 · Informed 3%');
    await expect(page.getByText(/^\d+ messages this round$/)).toHaveText('29 messages this round');
    await lab.shot('loss-100');

    // Packet loss changes live: back to 0 and the update spreads.
    await lab.setField('Packet loss', '0');
    await lab.step(1);
    await expect(lab.status).toHaveText('Round 4 · Informed 100%');
    await expect(lab.runState).toHaveText('Everyone informed at round 4');
  });

  test('two nodes: the update crosses in one round', async ({ lab, page }) => {
    await lab.resetWith({ Nodes: '2', Topology: 'complete', Seed: '1', Protocol: 'push' });
    await expect(lab.status).toHaveText('Round 0 · Informed 50%');
    await expect(page.getByText('2 live', { exact: true })).toBeVisible();
    await lab.button('Play').click();
    await expect(lab.status).toHaveText('Round 1 · Informed 100%');
    await expect(lab.runState).toHaveText('Everyone informed at round 1');
    await expect(lab.button('Play')).toBeVisible();
    await lab.shot('two-nodes');
  });

  test('an Inspect node id outside the graph gets a message, and nothing else changes', async ({ lab }) => {
    await lab.inspect(3);
    const input = lab.page.getByRole('spinbutton', { name: 'Inspect node', exact: true });
    await input.fill('500');
    // Still inspecting node 3, and the refusal is said in words (the field's value is not text).
    await expect(lab.inspector.getByText('Node 3', { exact: true })).toBeVisible();
    await expect(lab.inspector.getByText(/500/)).toBeVisible({ timeout: 3000 });
    await lab.shot('inspect-500');
  });

  test('at 10,000 nodes the single informed node is not shown as 0 %', async ({ lab }) => {
    await lab.resetWith({ Nodes: '10000', Topology: 'complete' });
    await expect(lab.page.getByText('10,000 live', { exact: true })).toBeVisible();
    // One node in 10,000 is 0.01 %: "0%" or "0.0%" would say nobody knows.
    await expect(lab.status).toHaveText(/^Round 0 · Informed /);
    await expect(lab.status).not.toHaveText(/Informed 0(\.0+)?%$/, { timeout: 3000 });
    await lab.shot('ten-thousand');
  });
});
