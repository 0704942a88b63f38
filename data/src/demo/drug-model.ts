import type { AddressBook } from './address-package';
import type { PieceGeometry } from './geometry';
import { IX } from './indicators';
import { type PiecePopulation, populationAt } from './population';
import { gaussian, keyedRng, type Rng } from './random';

/**
 * The latent drug situation, defined on pieces (the common refinement of old and current
 * communes). Any unit's expected figures are sums over its pieces, so a series that crosses the
 * 2025 reorganisation changes unit, not level: no artificial jump.
 *
 * Managed addicts per resident = province rate (calibrated on 2020-Q4) × a smooth spatial field
 * × an urban factor × a per-commune factor, normalised so the province average is the rate.
 * Other indicators are province-specific shares of managed addicts with per-commune variation.
 */

/** Calibration time: middle of 2020-Q4. */
export const REFERENCE_TIME = 2020.875;

/**
 * Managed addicts per 1,000 residents in 2020-Q4 by old province. Shaped after public
 * statements (Sơn La ≈ 8,400 in 2020; Đồng Tháp ≈ 700 in 2023; about 230,000 nationally): high
 * in the north-west mountains and big cities, low in the Mekong delta and central coast.
 */
const RATE_PER_1000: Readonly<Record<string, number>> = {
  '01': 2.16,
  '02': 3.67,
  '04': 2.81,
  '06': 2.7,
  '08': 2.48,
  '10': 4.32,
  '11': 6.5,
  '12': 5.5,
  '14': 6.78,
  '15': 3.24,
  '17': 4.1,
  '19': 3.67,
  '20': 2.7,
  '22': 3.24,
  '24': 2.27,
  '25': 2.38,
  '26': 2.16,
  '27': 1.94,
  '30': 2.16,
  '31': 3.02,
  '33': 2.05,
  '34': 1.84,
  '35': 2.05,
  '36': 2.05,
  '37': 2.16,
  '38': 2.48,
  '40': 3.02,
  '42': 1.73,
  '44': 1.51,
  '45': 1.84,
  '46': 1.62,
  '48': 2.27,
  '49': 1.19,
  '51': 1.19,
  '52': 1.19,
  '54': 1.08,
  '56': 1.94,
  '58': 1.3,
  '60': 1.51,
  '62': 1.73,
  '64': 1.84,
  '66': 2.38,
  '67': 2.27,
  '68': 1.62,
  '70': 2.27,
  '72': 2.48,
  '74': 3.02,
  '75': 2.7,
  '77': 2.92,
  '79': 3.24,
  '80': 1.51,
  '82': 0.86,
  '83': 0.76,
  '84': 0.76,
  '86': 0.86,
  '87': 0.3,
  '89': 1.4,
  '91': 1.3,
  '92': 1.3,
  '93': 0.76,
  '94': 0.86,
  '95': 0.76,
  '96': 0.76,
};

/** Relative frequency of drug-crop finds (poppy in the northern mountains, cannabis elsewhere). */
const CROP_FACTOR: Readonly<Record<string, number>> = {
  '02': 1.0,
  '04': 0.5,
  '06': 0.4,
  '08': 0.4,
  '10': 0.9,
  '11': 1.0,
  '12': 1.0,
  '14': 1.2,
  '15': 0.7,
  '17': 0.6,
  '20': 0.3,
  '38': 0.5,
  '40': 0.8,
  '62': 0.3,
  '64': 0.3,
};

/**
 * Share of communes running the community model where a seed plan gives it: Đồng Tháp 127 of 143
 * communes (2/2023). Elsewhere a province's share is drawn between 60 % and 95 %.
 */
const COMMUNITY_MODEL_SHARE: Readonly<Record<string, number>> = { '87': 127 / 143 };

const add = (out: Float64Array, k: number, value: number) => {
  out[k] = (out[k] ?? 0) + value;
};

/** Poppy is found around Tết: quarters 1 and 4 dominate. */
const CROP_SEASON = [1.8, 0.5, 0.2, 1.5];

/** Median size of one drug-crop find, m². */
export const CROP_MEDIAN_M2 = 350;
/** Spread (σ of the logarithm) of drug-crop find sizes. */
export const CROP_SIGMA = 0.9;

interface ProvinceParams {
  slope: number;
  amplitude: number;
  period: number;
  illegal: number;
  compulsory: number;
  voluntary: number;
  community: number;
  methadone: number;
  postRehab: number;
  vocational: number;
  reach: number;
  arrests: number;
  places: number;
  officers: number;
  training: number;
  communityModel: number;
  modelBuilt: number;
  highRisk: number;
  highRiskReach: number;
  reintegrate: number;
  inFacility: number;
  episodes: number;
  completed: number;
  loans: number;
}

function between(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng();
}

function provinceParams(seed: number, code: string): ProvinceParams {
  const rng = keyedRng(seed, `province-model:${code}`);
  return {
    slope: between(rng, -0.045, 0.035),
    amplitude: between(rng, 0.02, 0.06),
    period: between(rng, 3, 6),
    illegal: between(rng, 0.3, 0.6),
    compulsory: between(rng, 0.028, 0.045),
    voluntary: between(rng, 0.006, 0.016),
    community: between(rng, 0.012, 0.03),
    methadone: between(rng, 0.1, 0.35),
    postRehab: between(rng, 0.22, 0.4),
    vocational: between(rng, 0.008, 0.02),
    reach: between(rng, 0.6, 0.72),
    arrests: between(rng, 0.03, 0.05),
    places: between(rng, 0.0015, 0.004),
    // Drawn after the others, so adding them changed none of the figures above.
    officers: between(rng, 0.9, 1.3),
    training: between(rng, 0.11, 0.19),
    communityModel: between(rng, 0.6, 0.95),
    modelBuilt: between(rng, 0.012, 0.03),
    highRisk: between(rng, 1.5, 3),
    highRiskReach: between(rng, 0.75, 0.95),
    reintegrate: between(rng, 0.03, 0.09),
    inFacility: between(rng, 0.15, 0.3),
    episodes: between(rng, 0.04, 0.08),
    completed: between(rng, 0.35, 0.5),
    loans: between(rng, 0.0003, 0.0015),
  };
}

/** A smooth random field over Vietnam (sum of plane waves), mean about 1. */
function spatialField(seed: number): (lon: number, lat: number) => number {
  const rng = keyedRng(seed, 'spatial-field');
  const waves = Array.from({ length: 6 }, () => {
    const angle = rng() * 2 * Math.PI;
    const wavelength = between(rng, 0.8, 3);
    const k = (2 * Math.PI) / wavelength;
    return { kx: k * Math.cos(angle), ky: k * Math.sin(angle), phase: rng() * 2 * Math.PI };
  });
  return (lon, lat) => {
    let sum = 0;
    for (const w of waves) sum += Math.sin(w.kx * lon * 0.96 + w.ky * lat + w.phase);
    return Math.exp(0.3 * (sum / Math.sqrt(3)) - 0.045);
  };
}

/** Expected figures of pieces over time. */
export interface DrugModel {
  pieceCount: number;
  /** Adds the expected stored indicators of piece `i` at time `t` (quarter 1–4) into `out`. */
  addExpected(i: number, t: number, quarter: number, out: Float64Array): void;
  /** Expected managed addicts of piece `i` at time `t`. */
  managed(i: number, t: number): number;
  /** Residents of piece `i` at time `t`. */
  population(i: number, t: number): number;
  /** The (old) province whose parameters piece `i` follows. */
  provinceOf(i: number): string;
}

/** Builds the model; all randomness is keyed by province or commune code. */
export function buildDrugModel(
  pieces: readonly PieceGeometry[],
  people: PiecePopulation,
  book: AddressBook,
  seed: number,
): DrugModel {
  const n = pieces.length;
  const oldByCode = new Map(book.oldCommunes.map((c) => [c.code, c]));
  const field = spatialField(seed);
  const provinceCodes = [...new Set(pieces.map((p) => p.modelProvinceCode))].sort();
  const provinceIndex = new Map(provinceCodes.map((code, i) => [code, i]));
  const params = provinceCodes.map((code) => provinceParams(seed, code));

  const col = () => new Float64Array(n);
  const province = new Int32Array(n);
  const [pop, growth, rate, wavePeriod, wavePhase] = [col(), col(), col(), col(), col()];
  const [illegal, compulsory, voluntary, community, methadone] = [col(), col(), col(), col(), col()];
  const [postRehab, vocational, reach, arrests, places, crops] = [col(), col(), col(), col(), col(), col()];

  const [officers, training, communityModel, modelBuilt, highRisk] = [col(), col(), col(), col(), col()];
  const [highRiskReach, reintegrate, inFacility, episodes, completed, loans] = [
    col(),
    col(),
    col(),
    col(),
    col(),
    col(),
  ];
  const shapeFactor = col();
  pieces.forEach((piece, i) => {
    const old = piece.oldCode ? oldByCode.get(piece.oldCode) : undefined;
    const key = piece.oldCode ?? `new:${piece.newCode}`;
    const rng = keyedRng(seed, `commune-model:${key}`);
    const urban = old?.kind === 'phuong' ? 1.5 : old?.kind === 'thi_tran' ? 1.3 : old ? 1 : 0.8;
    const communeFactor = Math.exp(0.5 * gaussian(rng) - 0.125);
    shapeFactor[i] = field(piece.label[0], piece.label[1]) * urban * communeFactor;
    province[i] = provinceIndex.get(piece.modelProvinceCode) ?? 0;
    pop[i] = people.population[i] ?? 0;
    growth[i] = people.growth[i] ?? 0;
    const p = params[province[i] ?? 0];
    if (!p) return;
    const lognormal = (sigma: number) => Math.exp(sigma * gaussian(rng) - (sigma * sigma) / 2);
    wavePeriod[i] = between(rng, 1.5, 3.5);
    wavePhase[i] = rng() * 2 * Math.PI;
    illegal[i] = p.illegal * lognormal(0.2);
    compulsory[i] = p.compulsory * lognormal(0.3);
    voluntary[i] = p.voluntary * lognormal(0.3);
    community[i] = p.community * lognormal(0.3);
    const noMethadone = rng() < (old?.kind === 'xa' ? 0.4 : 0.1);
    methadone[i] = noMethadone ? 0 : p.methadone * lognormal(0.4);
    postRehab[i] = p.postRehab * lognormal(0.15);
    vocational[i] = p.vocational * lognormal(0.3);
    reach[i] = p.reach + 0.04 * gaussian(rng);
    arrests[i] = p.arrests * lognormal(0.3);
    places[i] = p.places * lognormal(0.5) * urban;
    const cropFactor = old?.kind === 'xa' ? (CROP_FACTOR[piece.modelProvinceCode] ?? 0.03) : 0;
    crops[i] = (cropFactor * piece.areaKm2) / 2000;
    // Drawn after the others, so adding them changed none of the figures above.
    officers[i] = (p.officers / 1000) * lognormal(0.2);
    training[i] = p.training * lognormal(0.2);
    communityModel[i] = COMMUNITY_MODEL_SHARE[piece.modelProvinceCode] ?? p.communityModel;
    modelBuilt[i] = p.modelBuilt;
    highRisk[i] = p.highRisk * lognormal(0.25);
    highRiskReach[i] = Math.min(0.99, p.highRiskReach + 0.03 * gaussian(rng));
    reintegrate[i] = p.reintegrate * lognormal(0.3);
    inFacility[i] = p.inFacility * lognormal(0.2);
    episodes[i] = p.episodes * lognormal(0.3);
    completed[i] = p.completed;
    loans[i] = p.loans * lognormal(0.5);
  });

  // Normalise per province so the population-weighted mean of the shape factor is 1 in 2020-Q4.
  const weighted = new Float64Array(provinceCodes.length);
  const residents = new Float64Array(provinceCodes.length);
  pieces.forEach((piece, i) => {
    if (piece.oldProvinceCode === null) return;
    const j = province[i] ?? 0;
    const r = populationAt(pop[i] ?? 0, growth[i] ?? 0, REFERENCE_TIME);
    weighted[j] = (weighted[j] ?? 0) + r * (shapeFactor[i] ?? 0);
    residents[j] = (residents[j] ?? 0) + r;
  });
  pieces.forEach((piece, i) => {
    const j = province[i] ?? 0;
    const norm = (weighted[j] ?? 0) > 0 ? (residents[j] ?? 0) / (weighted[j] ?? 1) : 0;
    rate[i] = ((RATE_PER_1000[piece.modelProvinceCode] ?? 1) / 1000) * (shapeFactor[i] ?? 0) * norm;
  });

  const population = (i: number, t: number) => populationAt(pop[i] ?? 0, growth[i] ?? 0, t);
  const managed = (i: number, t: number) => {
    const p = params[province[i] ?? 0];
    if (!p) return 0;
    const dt = t - REFERENCE_TIME;
    const trend = Math.exp(p.slope * dt) * (1 + p.amplitude * Math.sin((2 * Math.PI * dt) / p.period));
    const wave = 1 + 0.035 * Math.sin((2 * Math.PI * t) / (wavePeriod[i] ?? 2) + (wavePhase[i] ?? 0));
    return (rate[i] ?? 0) * population(i, t) * trend * wave;
  };

  return {
    pieceCount: n,
    population,
    managed,
    provinceOf: (i) => provinceCodes[province[i] ?? 0] ?? '',
    addExpected(i, t, quarter, out) {
      const m = managed(i, t);
      const tau = t - 2019;
      // Methadone is cumulative: a fixed base times an increasing function of time only.
      const base = (rate[i] ?? 0) * (pop[i] ?? 0);
      out[IX.population] = (out[IX.population] ?? 0) + population(i, t);
      out[IX.managed_addicts] = (out[IX.managed_addicts] ?? 0) + m;
      out[IX.illegal_users] = (out[IX.illegal_users] ?? 0) + m * (illegal[i] ?? 0) * (1 + 0.015 * tau);
      out[IX.rehab_compulsory] =
        (out[IX.rehab_compulsory] ?? 0) +
        m * (compulsory[i] ?? 0) * (1 + 0.1 * Math.cos((Math.PI * quarter) / 2));
      out[IX.rehab_voluntary_facility] =
        (out[IX.rehab_voluntary_facility] ?? 0) + m * (voluntary[i] ?? 0) * (1 + 0.04 * tau);
      out[IX.rehab_community] = (out[IX.rehab_community] ?? 0) + m * (community[i] ?? 0) * (1 + 0.05 * tau);
      out[IX.methadone_patients] =
        (out[IX.methadone_patients] ?? 0) + base * (methadone[i] ?? 0) * (1 + 0.11 * tau + 0.004 * tau * tau);
      out[IX.post_rehab_managed] = (out[IX.post_rehab_managed] ?? 0) + m * (postRehab[i] ?? 0);
      out[IX.vocational_support] =
        (out[IX.vocational_support] ?? 0) + m * (vocational[i] ?? 0) * (1 + 0.06 * tau);
      const share = Math.min(0.93, Math.max(0.5, (reach[i] ?? 0.65) + 0.022 * tau));
      out[IX.addicts_reached] = (out[IX.addicts_reached] ?? 0) + m * share;
      out[IX.drug_arrests] =
        (out[IX.drug_arrests] ?? 0) + m * (arrests[i] ?? 0) * (1 + 0.08 * Math.sin(2 * Math.PI * t));
      out[IX.drug_use_places] = (out[IX.drug_use_places] ?? 0) + m * (places[i] ?? 0);
      // For crops the vector holds the expected number of finds; values.ts turns finds into m².
      out[IX.drug_crops_destroyed_m2] =
        (out[IX.drug_crops_destroyed_m2] ?? 0) + (crops[i] ?? 0) * (CROP_SEASON[quarter - 1] ?? 1);
      const residents = population(i, t);
      add(out, IX.officers_total, residents * (officers[i] ?? 0));
      add(out, IX.officers_trained, residents * (officers[i] ?? 0) * (training[i] ?? 0));
      // Commune-wide yes/no figures: residents × probability here, a draw per commune in values.ts.
      const adoption = Math.min(0.99, (communityModel[i] ?? 0) * (1 + 0.01 * (t - 2023.1)));
      add(out, IX.community_model, residents * adoption);
      add(out, IX.model_communes_built, residents * (modelBuilt[i] ?? 0));
      const atRisk = m * (highRisk[i] ?? 0) + residents * 0.0008;
      add(out, IX.high_risk_people, atRisk);
      add(out, IX.high_risk_reached, atRisk * Math.min(0.99, (highRiskReach[i] ?? 0) + 0.01 * tau));
      // For crops the vector holds the expected number of finds, for detected as for destroyed.
      add(out, IX.drug_crops_detected_m2, (crops[i] ?? 0) * (CROP_SEASON[quarter - 1] ?? 1));
      const rehab = m * ((compulsory[i] ?? 0) + (voluntary[i] ?? 0) + (community[i] ?? 0));
      add(out, IX.rehab_completed, rehab * (completed[i] ?? 0));
      add(out, IX.post_rehab_admitted, rehab * (completed[i] ?? 0));
      add(out, IX.reintegrated, m * (reintegrate[i] ?? 0));
      add(out, IX.in_facility, m * (inFacility[i] ?? 0));
      add(out, IX.treatment_episodes, m * (episodes[i] ?? 0));
      add(out, IX.loans_households, m * (postRehab[i] ?? 0) * (loans[i] ?? 0));
    },
  };
}
