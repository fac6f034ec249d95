// Camera-sized photos for the capture benchmark: drawn once on an OffscreenCanvas (shapes and
// noise, so that JPEG cannot squeeze them to nothing) and encoded at the quality that lands
// nearest the wanted size.
import { createRng } from '../data/rng';

async function draw(seed: number, width: number, height: number): Promise<OffscreenCanvas> {
  const rng = createRng(seed);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const gradient = ctx.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#8aa');
  gradient.addColorStop(1, '#553');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);
  for (let i = 0; i < 3000; i++) {
    ctx.fillStyle = `hsl(${Math.floor(rng() * 360)} 40% ${20 + Math.floor(rng() * 60)}%)`;
    ctx.fillRect(rng() * width, rng() * height, 10 + rng() * 200, 10 + rng() * 200);
  }
  const noise = ctx.getImageData(0, 0, width, height);
  const data = noise.data;
  for (let i = 0; i < data.length; i += 4) {
    const n = (rng() - 0.5) * 48;
    data[i] = data[i]! + n;
    data[i + 1] = data[i + 1]! + n;
    data[i + 2] = data[i + 2]! + n;
  }
  ctx.putImageData(noise, 0, 0);
  return canvas;
}

/** A JPEG of width×height whose size is near `targetBytes` (within what quality steps allow). */
export async function cameraPhoto(
  seed: number,
  targetBytes: number,
  width = 4000,
  height = 3000,
): Promise<File> {
  const canvas = await draw(seed, width, height);
  let low = 0.3;
  let high = 0.98;
  let best: Blob | null = null;
  for (let step = 0; step < 6; step++) {
    const quality = (low + high) / 2;
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    if (!best || Math.abs(blob.size - targetBytes) < Math.abs(best.size - targetBytes)) best = blob;
    if (blob.size > targetBytes) high = quality;
    else low = quality;
  }
  return new File([best!], `IMG_${seed}.jpg`, { type: 'image/jpeg' });
}
