import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { isValidFileKey } from "@/lib/files/keys";
import { downloadNameFor } from "@/lib/files/keys";
import { hasPdfSignature, isPdf, readPdfUpload } from "./pdf";
import { keySegment, questionPaperKey, resourceKey, scriptKey, secureFor, UPLOAD_KINDS } from "./uploads";

async function onePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  return doc.save();
}

describe("a PDF, judged by its content", () => {
  it("accepts a real PDF", async () => {
    const bytes = await onePagePdf();
    expect(hasPdfSignature(bytes)).toBe(true);
    expect(await isPdf(bytes)).toBe(true);
  });

  it("refuses text with a PDF's name, a PDF signature in front of anything else, and a cut-off PDF", async () => {
    const text = new TextEncoder().encode("Dear centre, this is not a PDF.");
    expect(await isPdf(text)).toBe(false);
    expect(await isPdf(new TextEncoder().encode("%PDF-1.7\nnot really a document"))).toBe(false);
    expect(await isPdf(new TextEncoder().encode("<html>%PDF-1.7</html>"))).toBe(false);
    const real = await onePagePdf();
    expect(await isPdf(real.slice(0, Math.floor(real.length / 2)))).toBe(false);
  });

  it("reads an upload: missing or empty, too large, not a PDF, or its bytes", async () => {
    expect(await readPdfUpload(null)).toEqual({ ok: false, problem: "uploadFileRequired" });
    expect(await readPdfUpload("paper.pdf")).toEqual({ ok: false, problem: "uploadFileRequired" });
    expect(await readPdfUpload(new File([], "paper.pdf"))).toEqual({ ok: false, problem: "uploadFileRequired" });
    const real = await onePagePdf();
    expect(await readPdfUpload(new File([new Uint8Array(real)], "paper.pdf"), real.length - 1)).toEqual({
      ok: false,
      problem: "uploadTooLarge",
    });
    const named = new File(["plain text"], "paper.pdf", { type: "application/pdf" });
    expect(await readPdfUpload(named)).toEqual({ ok: false, problem: "uploadNotPdf" });
    const ok = await readPdfUpload(new File([new Uint8Array(real)], "anything.txt", { type: "text/plain" }));
    expect(ok.ok && Buffer.from(ok.bytes).equals(Buffer.from(real))).toBe(true);
  });
});

describe("upload kinds and keys", () => {
  it("fixes the secure flag where the kind decides it", () => {
    expect(secureFor("PAST_PAPER", true)).toBe(true);
    expect(secureFor("PAST_PAPER", false)).toBe(false);
    expect(secureFor("CIRCULAR", true)).toBe(false);
    expect(secureFor("PRE_RELEASE", false)).toBe(true);
    expect(secureFor("AGENDA", false)).toBe(true);
  });

  it("makes safe keys for every kind, named for their download", () => {
    for (const kind of UPLOAD_KINDS) {
      const key = resourceKey(
        { kind, year: 2027, language: "cy", specification: "9521", series: "2027-06", component: "9521/01" },
        "a1b2c3",
      );
      expect(isValidFileKey(key), key).toBe(true);
    }
    expect(
      downloadNameFor(
        resourceKey({ kind: "MARK_SCHEME", year: 2026, language: "en", specification: "9521" }, "a1b2c3"),
      ),
    ).toBe("9521-2026-mark-scheme-en-a1b2c3.pdf");
    expect(questionPaperKey("2027-06", "9521/01", "ff00aa")).toBe("question-papers/2027-06/9521-01-ff00aa.pdf");
    const script = scriptKey({ series: "2027-06", centre: "68101", candidate: "0001", component: "9521/01" }, "b2");
    expect([script, isValidFileKey(script)]).toEqual(["scripts/2027-06/68101/0001-9521-01-b2.pdf", true]);
    // Whatever a code holds, a segment stays inside the store.
    expect(isValidFileKey(`a/${keySegment("../..")}/b.pdf`)).toBe(true);
    expect(isValidFileKey(`a/${keySegment("")}/b.pdf`)).toBe(true);
  });
});
