// Glossa's mark: the serif "G" of the wordmark (app/globals.css: .wordmark,
// whose first letter is set in the accent colour), reversed out of an
// accent-coloured tile so that it holds at 16 px on light and dark tab bars.

/** The brand colours, from app/globals.css (light scheme). */
export const BRAND = {
  paper: "#fbfaf7",
  paperRaised: "#ffffff",
  ink: "#1d1b16",
  inkSoft: "#4a463d",
  inkFaint: "#77726a",
  rule: "#e4e0d6",
  accent: "#8a2d1c",
  accentSoft: "#f4e6e1",
  highlight: "rgb(255 214 10 / 0.38)",
} as const;

/**
 * The "G" of Source Serif 4 (SIL Open Font License, the font the site sets
 * its wordmark in) at weight 700 and optical size 24, sturdier than the
 * display cut at small sizes. Outlined once from the package's variable font
 * with fontTools (instancer, then SVGPathPen, y flipped): font units, baseline
 * at y = 0, cap height about 675 above it.
 */
const G_OUTLINE =
  "M376.4 18.3Q300.8 18.3 237.8 -4Q174.9 -26.3 129.1 -69.9Q83.3 -113.6 58.6 -177.3Q33.8 -241 33.8 -324.1Q33.8 -406.3 58.3 -471.4Q82.7 -536.4 128.3 -582.1Q174 -627.8 239.9 -651.7Q305.8 -675.5 387.9 -675.5Q420.5 -675.5 453.7 -670.6Q486.9 -665.6 518.9 -655.6Q550.9 -645.6 579.1 -630.3L583.9 -474.1H511.9L472 -634.5L540.3 -620.2L540.7 -569.7Q504.7 -598.8 472 -610.5Q439.3 -622.2 406.7 -622.2Q353.1 -622.2 307.9 -591.2Q262.7 -560.1 235.3 -495.4Q207.9 -430.6 207.9 -329.7Q207.9 -229 234.4 -163.7Q260.9 -98.5 305.5 -66.9Q350.2 -35.3 404.2 -35.3Q434.6 -35.3 459 -43.7Q483.3 -52.1 514.1 -68.6L443.4 -8.6V-84.6Q443.4 -145.4 442.8 -204.1Q442.3 -262.8 440 -323.8H602.7Q601.5 -264.3 600.4 -204.2Q599.4 -144 599.4 -81.4V-39.1Q548.6 -9.6 494.8 4.3Q441.1 18.3 376.4 18.3ZM354.1 -273.5V-323.8H652.4V-273.5L537.4 -257.7H474.8Z";

/** The outline's extent in font units: x 33.8–652.4, y -675.5–18.3. */
const G_BOX = { left: 33.8, right: 652.4, top: -675.5, bottom: 18.3 };

/**
 * The mark as an SVG document on a 64-unit square: the tile (rounded, or
 * full-bleed for the Apple touch icon, which iOS rounds itself) and the G,
 * centred and filling 64% of the height.
 */
export function markSvg(options: { rounded: boolean }): string {
  const scale = (64 * 0.64) / (G_BOX.bottom - G_BOX.top);
  const x = 32 - ((G_BOX.left + G_BOX.right) / 2) * scale;
  const y = 32 - ((G_BOX.top + G_BOX.bottom) / 2) * scale;
  const tile = options.rounded ? `<rect width="64" height="64" rx="14" fill="${BRAND.accent}"/>` : `<rect width="64" height="64" fill="${BRAND.accent}"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">`,
    `<title>Glossa</title>`,
    tile,
    `<path transform="translate(${x.toFixed(2)} ${y.toFixed(2)}) scale(${scale.toFixed(5)})" fill="${BRAND.paper}" d="${G_OUTLINE}"/>`,
    `</svg>`,
    "",
  ].join("\n");
}
