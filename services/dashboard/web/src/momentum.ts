/**
 * Momentum bands of the tile map and tables. Colours are a sequential scale that differs in lightness as well
 * as hue (readable in grey and by colour-blind users), and each band also has a text label and a pattern mark.
 */
export const BANDS = [
  { id: 'none', min: -Infinity, colour: '#e5e5e5', text: '#222', mark: '○' },
  { id: 'very-low', min: 0.005, colour: '#fde725', text: '#222', mark: '▁' },
  { id: 'low', min: 20, colour: '#7ad151', text: '#222', mark: '▃' },
  { id: 'medium', min: 40, colour: '#22a884', text: '#fff', mark: '▅' },
  { id: 'high', min: 60, colour: '#2a788e', text: '#fff', mark: '▆' },
  { id: 'very-high', min: 80, colour: '#414487', text: '#fff', mark: '█' },
] as const;
export type Band = (typeof BANDS)[number];

export function bandOf(score: number | null | undefined): Band {
  let band: Band = BANDS[0];
  for (const b of BANDS) if ((score ?? 0) >= b.min) band = b;
  return band;
}
