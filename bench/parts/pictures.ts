import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { median, round, type Figure } from '../report';
import { renderRendition, type RenditionSpec } from '../../server/pictures/imaging';
import { defaultRecipe, toneCurve, type Recipe } from '../../shared/pictures/recipe';

/**
 * A print rendition of a 24-megapixel JPEG (crop, resize to 300 ppi,
 * grayscale, newsprint tone, sharpen) by Galley's imaging module, beside
 * Debian's ImageMagick `convert` doing the same operations on the same file
 * in the same run. Each takes the median of 5. The memory peak of each is
 * measured in its own child process (max RSS as the kernel counts it).
 */

const RUNS = 5;
const WIDTH = 6000;
const HEIGHT = 4000;
/** A 5-column frame (720 pt) 480 pt high: 3000 x 2000 px at 300 ppi, cut from the middle 90% of the photo. */
const RECIPE: Recipe = { ...defaultRecipe(), crop: { x: 0.05, y: 0.05, w: 0.9, h: 0.9 }, frame: { columns: 5, heightPt: 480 } };
const SPEC: RenditionSpec = { kind: 'print', widthPt: 720, heightPt: 480, ink: 'black' };
const SELF = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--pictures-bench-child';

export async function run(): Promise<Figure[]> {
  const version = execFileSync('convert', ['-version'], { encoding: 'utf8' });
  if (!/ImageMagick/.test(version)) throw new Error('`convert` is not ImageMagick');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-bench-pictures-'));
  try {
    const photo = path.join(dir, 'photo-24mp.jpg');
    fs.writeFileSync(photo, await photoLike(WIDTH, HEIGHT));

    // Galley: one child process renders RUNS times, timing each render and reporting its own peak memory.
    const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, CHILD_FLAG, photo, path.join(dir, 'galley.jpg')], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
    const galley = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      ms: number[];
      cpuMs: number[];
      maxRssKb: number;
      baseRssKb: number;
    };

    // ImageMagick: the same steps, the same tone curve (as a 256-entry lookup image), a fresh process each run.
    const lut = path.join(dir, 'tone.png');
    await sharp(Buffer.from(toneCurve(RECIPE.tone)), { raw: { width: 256, height: 1, channels: 1 } }).png().toFile(lut);
    const crop = { left: 300, top: 200, width: 5400, height: 3600 };
    const args = [
      photo,
      '-crop', `${crop.width}x${crop.height}+${crop.left}+${crop.top}`, '+repage',
      '-resize', '3000x2000!',
      '-colorspace', 'Gray',
      '-interpolate', 'Integer', lut, '-clut',
      // Galley's unsharp mask: Gaussian sigma about 1, amount half the recipe's strength.
      '-unsharp', `0x1+${RECIPE.sharpen / 2}+0`,
      '-strip', '-quality', '90',
      path.join(dir, 'convert.jpg'),
    ];
    const convertMs: number[] = [];
    const convertCpuMs: number[] = [];
    let convertRssKb = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const timed = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'convert', ...args], { encoding: 'utf8' });
      convertMs.push(performance.now() - started);
      if (timed.status !== 0) throw new Error(`convert failed: ${timed.stderr}`);
      const [user, system, rss] = timed.stderr.trim().split('\n').pop()!.split(' ').map(Number);
      convertCpuMs.push((user! + system!) * 1000);
      convertRssKb = Math.max(convertRssKb, rss!);
    }
    const check = await sharp(path.join(dir, 'galley.jpg')).metadata();
    const checkIm = await sharp(path.join(dir, 'convert.jpg')).metadata();
    if (check.width !== 3000 || check.height !== 2000 || check.channels !== 1) throw new Error('galley output is wrong');
    if (checkIm.width !== 3000 || checkIm.height !== 2000) throw new Error('convert output is wrong');

    const galleyMedian = median(galley.ms);
    const convertMedian = median(convertMs);
    return [
      { name: 'pictures.print_24mp.galley_median', value: round(galleyMedian, 0), unit: 'ms' },
      { name: 'pictures.print_24mp.convert_median', value: round(convertMedian, 0), unit: 'ms' },
      { name: 'pictures.print_24mp.speedup_vs_convert', value: round(convertMedian / galleyMedian, 2), unit: 'x' },
      // CPU time (all threads) is the steadier comparison on a shared machine.
      { name: 'pictures.print_24mp.galley_cpu_median', value: round(median(galley.cpuMs), 0), unit: 'ms' },
      { name: 'pictures.print_24mp.convert_cpu_median', value: round(median(convertCpuMs), 0), unit: 'ms' },
      { name: 'pictures.print_24mp.cpu_ratio_vs_convert', value: round(median(convertCpuMs) / median(galley.cpuMs), 2), unit: 'x' },
      { name: 'pictures.print_24mp.galley_peak_rss', value: round(galley.maxRssKb / 1024, 0), unit: 'MB' },
      { name: 'pictures.print_24mp.galley_rss_before_render', value: round(galley.baseRssKb / 1024, 0), unit: 'MB' },
      { name: 'pictures.print_24mp.convert_peak_rss', value: round(convertRssKb / 1024, 0), unit: 'MB' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Gradients with gaussian noise over them: detail everywhere, so neither side gets an easy picture. */
async function photoLike(width: number, height: number): Promise<Buffer> {
  const noise = await sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 50 } },
  })
    .raw()
    .toBuffer();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      noise[i] = (noise[i]! + (255 * x) / width) >> 1;
      noise[i + 1] = (noise[i + 1]! + (255 * y) / height) >> 1;
    }
  }
  return sharp(noise, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** In the child: RUNS renders of the file, as the server does them (read the original, render, write the file). */
async function child(input: string, output: string): Promise<void> {
  const baseRssKb = process.resourceUsage().maxRSS;
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const original = fs.readFileSync(input);
    const made = await renderRendition(original, { width: WIDTH, height: HEIGHT }, RECIPE, SPEC);
    fs.writeFileSync(output, made.data);
    ms.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  console.log(JSON.stringify({ ms, cpuMs, maxRssKb: process.resourceUsage().maxRSS, baseRssKb }));
}

if (process.argv[2] === CHILD_FLAG) {
  await child(process.argv[3]!, process.argv[4]!);
}
