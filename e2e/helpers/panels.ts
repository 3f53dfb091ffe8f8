import { expect, type Locator } from '@playwright/test';
import type { GossipLab } from './lab';

/** A <dl>'s terms and definitions as text, e.g. { Residue: '17.5 %', Infective: '0', … }. */
export function definitions(within: Locator): Promise<Record<string, string>> {
  return within.locator('dl').first().evaluate((dl) => {
    const out: Record<string, string> = {};
    for (const dt of Array.from(dl.querySelectorAll('dt'))) {
      const dd = dt.nextElementSibling;
      out[dt.textContent?.trim() ?? ''] = (dd?.textContent ?? '').replace(/\s+/g, ' ').trim();
    }
    return out;
  });
}

/** The side panels of the Dissemination page, found by their headings. */
export function panels(lab: GossipLab) {
  const region = (name: string): Locator => lab.page.getByRole('region', { name, exact: true });
  return {
    rumor: region('Rumor mongering'),
    heal: region('After the heal'),
    writes: region('Last writer wins'),
    timeline: region('Timeline'),
    legend: region('Legend'),
    /** The loaded preset's caption, titled like its button. */
    caption: (title: string): Locator => region(title),
  };
}

/** The Rumor mongering panel's residue, in percent. */
export async function residueOf(lab: GossipLab): Promise<number> {
  const rumor = panels(lab).rumor;
  await expect(rumor).toBeVisible();
  const text = (await definitions(rumor)).Residue ?? '';
  const m = /^([\d.]+) %$/.exec(text);
  if (!m) throw new Error(`Residue does not read "N %": ${text}`);
  return Number(m[1]);
}

/** The status bar's second line: "100 live · 0 crashed · 12 messages this round · 3 in flight". */
export function countsLine(lab: GossipLab): Locator {
  return lab.page.getByText(/^[\d,]+ live · [\d,]+ crashed · /);
}

/** The status bar's "N crashed". */
export async function crashedCount(lab: GossipLab): Promise<number> {
  const text = (await countsLine(lab).textContent()) ?? '';
  return Number(/([\d,]+) crashed/.exec(text)![1].replace(/,/g, ''));
}

/** The status bar's "N in flight" (0 when the page does not show it). */
export async function inFlightCount(lab: GossipLab): Promise<number> {
  const text = (await countsLine(lab).textContent()) ?? '';
  const m = /([\d,]+) in flight/.exec(text);
  return m ? Number(m[1].replace(/,/g, '')) : 0;
}

/** Loads a Dissemination preset by its button and waits until it plays. */
export async function loadPreset(lab: GossipLab, title: string): Promise<Locator> {
  await lab.button(title).click();
  await expect(lab.button(title)).toHaveAttribute('aria-current', 'true');
  const caption = panels(lab).caption(title);
  await expect(caption).toBeVisible();
  await expect(lab.button('Pause')).toBeVisible();
  return caption;
}
