/**
 * Where the card goes, as a pure decision: a popover beside the mention, or a
 * bottom sheet on narrow screens and for touch on small ones. The geometry of
 * the popover itself (flip, shift, the line under the pointer) is
 * @floating-ui/dom's job; this only picks the mode and the preferred side.
 */

/**
 * At or below this viewport width the card is a bottom sheet whatever the
 * input: phones. Wider, a 360 px popover fits beside the mention (a 1280 px
 * window at 200% zoom is 640 CSS px wide and keeps the popover for the mouse).
 */
export const SHEET_MAX_WIDTH_PX = 480;
/** Touch on a viewport this narrow also gets the sheet: fingers cover a popover's anchor. */
export const TOUCH_SHEET_MAX_WIDTH_PX = 900;

export type CardLayoutInput = {
  viewportWidth: number;
  viewportHeight: number;
  /** The mention's box in viewport coordinates (the line under the pointer when known). */
  anchor: { top: number; bottom: number; left: number; right: number };
  pointerType: 'mouse' | 'pen' | 'touch' | 'keyboard';
};

export type CardLayout =
  | { mode: 'sheet' }
  | {
      mode: 'popover';
      placement: 'bottom-start' | 'top-start' | 'bottom-end' | 'top-end';
    };

/** Page Previews flips at the viewport's midlines: below/right of the mention unless that half is the smaller one. */
export function chooseCardLayout(input: CardLayoutInput): CardLayout {
  const { viewportWidth, viewportHeight, anchor, pointerType } = input;
  if (viewportWidth <= SHEET_MAX_WIDTH_PX) return { mode: 'sheet' };
  if (pointerType === 'touch' && viewportWidth <= TOUCH_SHEET_MAX_WIDTH_PX)
    return { mode: 'sheet' };
  const vertical =
    (anchor.top + anchor.bottom) / 2 > viewportHeight / 2 ? 'top' : 'bottom';
  const horizontal =
    (anchor.left + anchor.right) / 2 > viewportWidth / 2 ? 'end' : 'start';
  return { mode: 'popover', placement: `${vertical}-${horizontal}` };
}
