// The scale centres' names and sizes (prisma/seed-scale.ts): each centre's name comes from its
// index, its size from a fixed random stream, so a re-run makes the same centres.
import { createRng } from "@/tests/factories/prng";

export const PLACES = [
  "Aberaeron",
  "Aberdâr",
  "Abergele",
  "Aberhonddu",
  "Abertawe",
  "Aberteifi",
  "Amlwch",
  "Bangor",
  "Bargod",
  "Betws",
  "Blaenau",
  "Bodelwyddan",
  "Brynmawr",
  "Caerfyrddin",
  "Caergybi",
  "Caerffili",
  "Caerleon",
  "Cas-gwent",
  "Castell-nedd",
  "Cei Newydd",
  "Conwy",
  "Crughywel",
  "Cwmbrân",
  "Dinbych",
  "Dolgellau",
  "Ffestiniog",
  "Fflint",
  "Glynebwy",
  "Hwlffordd",
  "Llanbedr",
  "Llandeilo",
  "Llandudno",
  "Llanelli",
  "Llangefni",
  "Llangollen",
  "Llanidloes",
  "Llanrwst",
  "Machynlleth",
  "Merthyr",
  "Mynwy",
  "Niwbwrch",
  "Pen-y-bont",
  "Penarth",
  "Pontypridd",
  "Porthcawl",
  "Porthmadog",
  "Pwllheli",
  "Rhaeadr",
  "Rhuthun",
  "Rhydaman",
  "Rhyl",
  "Tonypandy",
  "Treforys",
  "Trefynwy",
  "Tregaron",
  "Tyddewi",
  "Wrecsam",
  "Y Bala",
  "Y Barri",
  "Y Drenewydd",
  "Bristol",
  "Chester",
  "Gloucester",
  "Hereford",
  "Shrewsbury",
  "Worcester",
  "Ludlow",
  "Oswestry",
  "Bath",
  "Cheltenham",
];
export const KINDS: [string, string][] = [
  ["{p} Comprehensive School", "Ysgol Gyfun {p}"],
  ["{p} High School", "Ysgol Uwchradd {p}"],
  ["{p} College", "Coleg {p}"],
  ["{p} Community School", "Ysgol Gymunedol {p}"],
  ["{p} Academy", "Academi {p}"],
  ["St David's School, {p}", "Ysgol Dewi Sant, {p}"],
];

/** Candidates per centre: mostly 60–280, a few large colleges (~1,000), summing exactly to `total`. */
export function centreSizes(centres: number, total: number): number[] {
  const rng = createRng("scale:sizes");
  const weights = Array.from({ length: centres }, () => (rng.next() < 0.01 ? 6 : 0.35 + rng.next() * 1.35));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % centres) {
    if (rest > 0) {
      sizes[i] += 1;
      rest -= 1;
    } else if (sizes[i] > 1) {
      sizes[i] -= 1;
      rest += 1;
    }
  }
  return sizes;
}
