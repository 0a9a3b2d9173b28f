// Candidate names: Welsh and English, including names that begin with the Welsh digraphs
// Ch, Dd, Ff, Ll, Rh and Th, which sort as single letters in Welsh collation
// (… C, Ch, D, Dd, … F, Ff, … L, Ll, … R, Rh, … T, Th, …).

export const FIRST_NAMES = [
  // Welsh
  "Aled", "Alaw", "Angharad", "Bethan", "Carys", "Catrin", "Cerys", "Dafydd", "Delyth", "Dylan",
  "Efa", "Elin", "Elis", "Ffion", "Ffraid", "Gethin", "Gwenllian", "Gwion", "Hedd", "Huw",
  "Ifan", "Iolo", "Llinos", "Llion", "Lleucu", "Llŷr", "Lowri", "Mali", "Mererid", "Nia",
  "Osian", "Rhian", "Rhiannon", "Rhodri", "Rhys", "Siân", "Sioned", "Siôn", "Tegan", "Teleri",
  "Tomos", "Dderwen", "Macsen", "Nel",
  // English
  "Amelia", "Charlie", "Charlotte", "Chloe", "Emily", "Ethan", "Freya", "George", "Harry", "Isla",
  "Jack", "Jacob", "Lily", "Noah", "Oliver", "Poppy", "Ruby", "Sophie", "Theo", "Thea",
] as const;

export const LAST_NAMES = [
  // Welsh
  "Jones", "Davies", "Dafis", "Williams", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
  "Griffiths", "Owen", "Rees", "Price", "Prys", "Jenkins", "Parry", "Llewellyn", "Lloyd", "Llywelyn",
  "Rhys", "Rhydderch", "Pritchard", "Powell", "Ffowc", "Ffransis", "Cadwaladr", "Tudor", "ap Gwilym", "Bowen",
  // English
  "Smith", "Taylor", "Brown", "Wilson", "Walker", "Wright", "Green", "Hall", "Wood", "Clarke",
  "Chapman", "Charles", "Church", "Fletcher", "Foster", "Thorne",
] as const;

/**
 * The first candidates of every centre get these names, so even a small centre has pairs that
 * Welsh and English collation order differently (Charles/Cadwaladr, Llewellyn/Lewis, Thomas/Tudor…).
 */
export const SHOWCASE_NAMES: readonly [string, string][] = [
  ["Chloe", "Charles"],
  ["Catrin", "Cadwaladr"],
  ["Dderwen", "Davies"],
  ["Ffion", "Ffransis"],
  ["Freya", "Foster"],
  ["Llinos", "Lloyd"],
  ["Llŷr", "Llywelyn"],
  ["Lowri", "Lewis"],
  ["Rhodri", "Rhydderch"],
  ["Rhiannon", "Rees"],
  ["Theo", "Thomas"],
  ["Tomos", "Tudor"],
  ["Siân", "Ffowc"],
  ["Dafydd", "Dafis"],
];
