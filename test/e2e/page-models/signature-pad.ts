import type { Locator } from 'playwright-core';

/** The element's box once the dialog's opening animation has finished (two equal reads). */
export async function settledBox(target: Locator) {
  let previous = await target.boundingBox();
  for (;;) {
    await target.page().waitForTimeout(100);
    const box = await target.boundingBox();
    if (
      box &&
      previous &&
      box.x === previous.x &&
      box.y === previous.y &&
      box.width === previous.width
    ) {
      return box;
    }
    previous = box;
  }
}

/** Draws a short flourish on a signature pad with the mouse, as a person signs. */
export async function scribble(pad: Locator): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await settledBox(pad);
  const { mouse } = pad.page();
  await mouse.move(box.x + 30, box.y + box.height * 0.6);
  await mouse.down();
  for (let i = 1; i <= 12; i++) {
    await mouse.move(box.x + 30 + i * 25, box.y + box.height * (0.6 - 0.25 * Math.sin(i / 2)), {
      steps: 2,
    });
  }
  await mouse.up();
}
