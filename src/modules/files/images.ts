/**
 * Photos and signatures as the server keeps them. sharp (libvips, prebuilt binaries inside its npm packages, no install
 * script) decodes JPEG/PNG/WebP/HEIC, turns the picture upright by its EXIF orientation, drops every other metadata
 * (a phone photo's GPS position and device do not leave the server), and re-encodes it bounded: a photo at most 2048 px
 * on its long side (JPEG q80, ~0.3–0.8 MB) plus a 320 px thumbnail; a signature as a PNG of at most 1200 × 600.
 * Input is bounded too: the upload's byte limit, and at most 50 megapixels decoded (a "decompression bomb" is refused).
 */
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../http/errors.ts';

export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;
export const SIGNATURE_MAX_BYTES = 1024 * 1024;
const MAX_PIXELS = 50_000_000;
export const PHOTO_EDGE = 2048;
export const THUMB_EDGE = 320;

export interface ProcessedPhoto {
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  mime: 'image/jpeg';
}

const unreadable = (field: string) => new AppError(422, 'file.not_an_image', {}, [{ field, key: 'file.not_an_image' }]);

export async function processPhoto(input: Buffer, field = 'file'): Promise<ProcessedPhoto> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).metadata();
  } catch {
    throw unreadable(field);
  }
  if (!meta.width || !meta.height || !['jpeg', 'png', 'webp', 'heif', 'tiff', 'gif'].includes(meta.format ?? '')) throw unreadable(field);
  try {
    const base = () => sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).autoOrient();
    const { data: full, info } = await base()
      .resize({ width: PHOTO_EDGE, height: PHOTO_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumb = await base().resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer();
    return { full, thumb, width: info.width, height: info.height, mime: 'image/jpeg' };
  } catch {
    throw unreadable(field);
  }
}

/** A handwritten signature drawn on the screen (PNG, transparent background kept). */
export async function processSignature(input: Buffer, field = 'image'): Promise<Buffer> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: 4_000_000, failOn: 'error' }).metadata();
  } catch {
    throw unreadable(field);
  }
  if (meta.format !== 'png' || !meta.width || !meta.height) throw new AppError(422, 'file.signature_png', {}, [{ field, key: 'file.signature_png' }]);
  return sharp(input, { limitInputPixels: 4_000_000 })
    .resize({ width: 1200, height: 600, fit: 'inside', withoutEnlargement: true })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
