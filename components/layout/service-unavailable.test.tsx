import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/messages";
import { ServiceUnavailable } from "./service-unavailable";

const render = (locale: "en" | "cy") =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messagesFor(locale)} timeZone="Europe/London">
      <ServiceUnavailable digest="4242" reset={() => {}} />
    </NextIntlClientProvider>,
  );

describe("the service-unavailable page", () => {
  it("apologises in the reader's language, offers a retry and a reference, and shows nothing of the error", () => {
    const en = render("en");
    expect(en).toContain("Sorry, the service is unavailable");
    expect(en).toContain("Try again");
    expect(en).toContain("4242");
    const cy = render("cy");
    expect(cy).toContain("nid yw&#x27;r gwasanaeth ar gael");
    expect(cy).toContain("Rhowch gynnig arall arni");
    for (const html of [en, cy]) expect(html).not.toMatch(/at \w+ \(|Error:|stack|prisma/i);
  });
});
