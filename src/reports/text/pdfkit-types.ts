// @types/pdfkit declares a global `PDFKit` namespace that the project's `types: ["node"]` does not load;
// importing the module's type pulls it in.
import type pdfkit from 'pdfkit';

export type PdfDoc = typeof pdfkit;
export type ColorValue = PDFKit.Mixins.ColorValue;
export type OpenTypeFeatures = PDFKit.Mixins.OpenTypeFeatures;
