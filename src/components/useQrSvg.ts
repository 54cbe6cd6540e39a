/** A QR code of a text (a link), as SVG markup made in the page: nothing is sent anywhere to draw it. */
import { useEffect, useState } from 'react';

export function useQrSvg(text: string | null): string | null {
  const [svg, setSvg] = useState<{ text: string; svg: string } | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    // The encoder loads with the first code asked for: no page pays for it before.
    import('qrcode')
      .then(({ default: QRCode }) => QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((s) => live && setSvg({ text, svg: s }))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [text]);
  // A code drawn for an earlier text is never shown for this one.
  return text && svg?.text === text ? svg.svg : null;
}
