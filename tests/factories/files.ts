import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import { filesDir } from "./db";

// The standard PDF fonts only know WinAnsi (≈ Latin-1): ŵ and ŷ, common in Welsh, are not in it.
function winAnsi(text: string): string {
  return text
    .replace(/[ŵŴŷŶ]/g, (c) => ({ ŵ: "w", Ŵ: "W", ŷ: "y", Ŷ: "Y" })[c]!)
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, "-")
    .replace(/[^\x20-\x7e\xa0-\xff]/g, "?");
}

/** A one-page A4 PDF with a title (and a Welsh title, and small print). */
export async function makePdf(titleEn: string, titleCy = "", lines: string[] = []): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(titleEn);
  doc.setAuthor("Porth demo");
  doc.setCreator("Porth seed");
  doc.setProducer("pdf-lib");
  const fixed = new Date(Date.UTC(2026, 0, 1)); // same bytes on every run
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  const page = doc.addPage([595.28, 841.89]);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  let y = 760;
  const draw = (text: string, size: number, font = regular) => {
    // Wrap at ~80 characters a line.
    const words = winAnsi(text).split(" ");
    let line = "";
    for (const word of words) {
      if ((line + " " + word).trim().length > Math.floor(900 / size)) {
        page.drawText(line, { x: 56, y, size, font, color: rgb(0.1, 0.1, 0.1) });
        y -= size * 1.4;
        line = word;
      } else line = (line + " " + word).trim();
    }
    if (line) page.drawText(line, { x: 56, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    y -= size * 1.8;
  };
  draw(titleEn, 18, bold);
  if (titleCy) draw(titleCy, 16, bold);
  for (const line of lines) draw(line, 11);
  draw("Demonstration document generated for Porth. / Dogfen arddangos a grëwyd ar gyfer Porth.", 9);
  return doc.save({ useObjectStreams: false });
}

/** Write a file under the file store (FILES_DIR, default .data/files). */
export async function writeStoredFile(fileKey: string, bytes: Uint8Array): Promise<void> {
  const target = path.join(filesDir(), ...fileKey.split("/"));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
}
