import { describe, expect, it } from 'vitest';
import { chooseCardLayout } from '../../components/card-layout';

const anchor = (x: number, y: number) => ({
  top: y,
  bottom: y + 20,
  left: x,
  right: x + 80,
});

describe('chooseCardLayout', () => {
  it('uses a bottom sheet on narrow screens, whatever the input', () => {
    expect(
      chooseCardLayout({
        viewportWidth: 390,
        viewportHeight: 844,
        anchor: anchor(10, 10),
        pointerType: 'mouse',
      }),
    ).toEqual({ mode: 'sheet' });
  });

  it('uses a sheet for touch on tablet widths, a popover for a mouse there', () => {
    expect(
      chooseCardLayout({
        viewportWidth: 820,
        viewportHeight: 1180,
        anchor: anchor(10, 10),
        pointerType: 'touch',
      }).mode,
    ).toBe('sheet');
    expect(
      chooseCardLayout({
        viewportWidth: 820,
        viewportHeight: 1180,
        anchor: anchor(10, 10),
        pointerType: 'mouse',
      }).mode,
    ).toBe('popover');
  });

  it.each([
    [anchor(100, 100), 'bottom-start'],
    [anchor(1100, 100), 'bottom-end'],
    [anchor(100, 800), 'top-start'],
    [anchor(1100, 800), 'top-end'],
  ])('flips at the viewport midlines (%o → %s)', (box, placement) => {
    expect(
      chooseCardLayout({
        viewportWidth: 1280,
        viewportHeight: 900,
        anchor: box,
        pointerType: 'mouse',
      }),
    ).toEqual({ mode: 'popover', placement });
  });
});
