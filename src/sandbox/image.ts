import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type Docker from "dockerode";
import { VouchError } from "../core/errors.js";
import { dockerClient } from "./docker/client.js";

// sandbox-images/ at the package root (this file is two levels down in both src/ and dist/).
export const IMAGES_DIR = fileURLToPath(new URL("../../sandbox-images/", import.meta.url));
const BASE_FILES = ["base.Dockerfile", "packages.txt", "bootstrap.sh"];

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? listFiles(p) : [p];
    })
    .filter((p) => !p.includes("__pycache__"))
    .sort();
}

function hashFiles(root: string, files: string[]): string {
  const h = createHash("sha256");
  for (const f of files) h.update(relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex").slice(0, 12);
}

export interface ImageTags {
  base: string;
  image: string;
}

// Image tags derived from the content of sandbox-images/<language>: a change forces a rebuild.
export function imageTags(language = "python"): ImageTags {
  const dir = join(IMAGES_DIR, language);
  const base = hashFiles(dir, BASE_FILES.map((f) => join(dir, f)));
  return { base: `vouch-${language}-base:${base}`, image: `vouch-${language}:${hashFiles(dir, listFiles(dir))}` };
}

// The engine's id (content digest) of an image.
export async function imageId(tag: string, docker: Docker = dockerClient()): Promise<string> {
  try {
    return (await docker.getImage(tag).inspect()).Id;
  } catch (e) {
    throw new VouchError("IMAGE_MISSING", `sandbox image ${tag} is missing`, { tag }, { cause: e });
  }
}

async function exists(docker: Docker, tag: string): Promise<boolean> {
  try {
    await docker.getImage(tag).inspect();
    return true;
  } catch {
    return false;
  }
}

export interface EnsureImageOptions {
  language?: string;
  /** Build when missing; otherwise a missing image is an IMAGE_MISSING error. */
  build?: boolean;
  log?: (line: string) => void;
  docker?: Docker;
}

// Returns the sandbox image tag, building it (and its base, offline if need be) when missing.
export async function ensureImage(opts: EnsureImageOptions = {}): Promise<string> {
  const language = opts.language ?? "python";
  const docker = opts.docker ?? dockerClient();
  const log = opts.log ?? (() => undefined);
  const tags = imageTags(language);
  if (await exists(docker, tags.image)) return tags.image;
  if (!opts.build) {
    throw new VouchError("IMAGE_MISSING", `sandbox image ${tags.image} is missing: run \`vouch image build\` (or make image)`);
  }
  const dir = join(IMAGES_DIR, language);
  if (!(await exists(docker, tags.base))) await buildBase(docker, dir, tags.base, log);
  log(`building ${tags.image}`);
  await build(docker, dir, "Dockerfile", tags.image, { BASE: tags.base });
  await removeOlderImages(docker, `vouch-${language}`, tags.image);
  return tags.image;
}

// Out-of-date images of the same name are removed once a new one is built (in-use ones stay).
async function removeOlderImages(docker: Docker, repo: string, keep: string): Promise<void> {
  const images = await docker.listImages({ filters: { reference: [repo] } });
  const old = images.flatMap((i) => i.RepoTags ?? []).filter((t) => t.startsWith(`${repo}:`) && t !== keep);
  await Promise.all(old.map((t) => docker.getImage(t).remove().catch(() => undefined)));
}

async function buildBase(docker: Docker, dir: string, tag: string, log: (l: string) => void): Promise<void> {
  if (process.env.VOUCH_BOOTSTRAP !== "1") {
    log(`building ${tag} from base.Dockerfile`);
    try {
      await build(docker, dir, "base.Dockerfile", tag, {});
      return;
    } catch (e) {
      log(`base image build failed (${(e as Error).message.split("\n")[0]}); bootstrapping offline with debootstrap`);
    }
  }
  const { execa } = await import("execa"); // only the offline bootstrap needs it: not loaded at every start-up
  const r = await execa("bash", [join(dir, "bootstrap.sh"), tag], { reject: false, all: true });
  if (r.exitCode !== 0) {
    throw new VouchError("IMAGE_BUILD_FAILED", `offline bootstrap of ${tag} failed:\n${r.all ?? ""}`.slice(0, 4000), { tag });
  }
}

async function build(docker: Docker, dir: string, dockerfile: string, tag: string, buildargs: Record<string, string>): Promise<void> {
  const files = listFiles(dir).map((f) => relative(dir, f));
  let stream: NodeJS.ReadableStream;
  try {
    stream = await docker.buildImage({ context: dir, src: files }, { t: tag, dockerfile, buildargs, rm: true, forcerm: true });
  } catch (e) {
    throw new VouchError("IMAGE_BUILD_FAILED", `could not build ${tag}: ${(e as Error).message}`, { tag }, { cause: e });
  }
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err, res: Array<{ error?: string; stream?: string }>) => {
        const failed = err?.message ?? res.find((r) => r.error)?.error;
        if (failed) reject(new VouchError("IMAGE_BUILD_FAILED", `could not build ${tag}: ${failed}`, { tag, log: output.join("") }));
        else resolve();
      },
      (ev: { stream?: string }) => ev.stream && output.push(ev.stream),
    );
  });
}
