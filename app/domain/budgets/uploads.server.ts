/**
 * Photos of project updates, stored on the server's disk under UPLOADS_DIR (default
 * data/uploads, beside the database). The type is read from the file's first bytes (JPEG,
 * PNG, WebP), never from its name or the browser's claim; the stored name is random; the
 * type is kept with the update and is the only content type ever served for it.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DomainError } from "../errors";

export const PHOTO_TYPES = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" } as const;
export type PhotoType = keyof typeof PHOTO_TYPES;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export function uploadsDir(): string {
  return process.env.UPLOADS_DIR || path.resolve(path.dirname(process.env.DATABASE_PATH || path.resolve(process.cwd(), "data/conseil.db")), "uploads");
}

/** The type of an image by its magic bytes, or null. */
export function sniffImage(bytes: Uint8Array): PhotoType | null {
  const b = (i: number) => bytes[i];
  if (bytes.length >= 3 && b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b(i) === x)) return "image/png";
  if (bytes.length >= 12 && String.fromCharCode(...bytes.slice(0, 4)) === "RIFF" && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP") return "image/webp";
  return null;
}

/** Stores a photo; errors.photoType (400) / errors.photoTooLarge (400), field "photo". */
export function savePhoto(bytes: Uint8Array): { name: string; type: PhotoType } {
  if (bytes.length > MAX_PHOTO_BYTES) throw new DomainError("errors.photoTooLarge", 400, "photo", { max: 10 });
  const type = sniffImage(bytes);
  if (!type) throw new DomainError("errors.photoType", 400, "photo");
  const dir = uploadsDir();
  fs.mkdirSync(dir, { recursive: true });
  const name = `${randomBytes(16).toString("hex")}.${PHOTO_TYPES[type]}`;
  fs.writeFileSync(path.join(dir, name), bytes, { flag: "wx" });
  return { name, type };
}

export function removePhoto(name: string) {
  fs.rmSync(path.join(uploadsDir(), name), { force: true });
}

/** A stored photo's bytes, when the name is one we write (random hex + known extension). */
export function readPhoto(name: string): Buffer | null {
  if (!/^[0-9a-f]{32}\.(jpg|png|webp)$/.test(name)) return null;
  try {
    return fs.readFileSync(path.join(uploadsDir(), name));
  } catch {
    return null;
  }
}
