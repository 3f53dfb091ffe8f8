import { chromium } from '@playwright/test';
const [port, topology, nodes, w, h, theme, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
await page.goto(`http://127.0.0.1:${port}/`);
await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
if (theme === 'dark') await page.getByRole('button', { name: /Theme/ }).click();
await page.getByRole('combobox', { name: 'Topology', exact: true }).selectOption(topology);
await page.getByRole('spinbutton', { name: 'Nodes', exact: true }).fill(nodes);
await page.waitForFunction(() => /round 0/.test(document.querySelector('[aria-label="Cluster graph"]')?.getAttribute('aria-description') ?? ''), null, { timeout: 120000 });
const informed = async () => { const t = await page.getByRole('status').first().innerText(); const m = /Informed (<)?([\d.]+)%/.exec(t); return m[1] ? 0 : Number(m[2]); };
for (let i = 0; i < 200 && (await informed()) < 40; i++) {
  const r = Number(/Round (\d+)/.exec(await page.getByRole('status').first().innerText())[1]);
  await page.getByRole('button', { name: /^Step/ }).first().click();
  await page.waitForFunction((r) => new RegExp(`Round ${r + 1} `).test(document.querySelector('[role=status]').textContent), r);
}
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}-half.png` });
await page.getByRole('region', { name: 'Cluster graph' }).focus();
for (let i = 0; i < 16; i++) await page.keyboard.press('+');
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}-zoom.png` });
await browser.close();
